import assert from 'node:assert/strict';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createApplication } from '../../bot/app.js';
import { VeiviserBot } from '../../dialogs/root/veiviserBot.js';

describe('the Teams AI application sends no typing indicator of its own', function () {
  this.timeout(10_000);
  it('a turn that takes over a second sends only its answer (teams-ai ignored startTypingTimer: false)', async () => {
    const bot = new VeiviserBot({ storage: new MemoryStorage(), retentionDays: 30, flows: [] });
    const app = createApplication(bot, {
      extend: (a) =>
        a.message('slow', async (ctx) => {
          await new Promise((r) => setTimeout(r, 1300));
          await ctx.sendActivity('done');
        }),
    });
    const sent: Array<Partial<Activity>> = [];
    const adapter = new TestAdapter(async (ctx) => {
      ctx.onSendActivities(async (_c, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await app.run(ctx);
    });
    await adapter.send('slow').startTest();
    assert.deepEqual(sent.map((a) => a.type), ['message']);
  });
});
