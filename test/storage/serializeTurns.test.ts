import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { serializeTurns, TurnSafeStorage, type ConversationStorage } from '../../bot/storage/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** MemoryStorage with the extra methods, wrapped as createStores wraps its stores. */
function storage(): ConversationStorage {
  const memory = new MemoryStorage();
  return new TurnSafeStorage(Object.assign(memory, { deleteConversation: async () => 0, sweepExpired: async () => 0 }));
}

function message(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'u' } };
}

/** A bot that counts messages in conversation state, slowly, as a turn with some work would. */
function countingBot(state: ConversationState) {
  const count = state.createProperty<number>('count');
  return async (ctx: TurnContext) => {
    const n = (await count.get(ctx, 0)) + 1;
    await pause(20);
    await count.set(ctx, n);
    await ctx.sendActivity(`svar ${n}`);
    await state.saveChanges(ctx);
  };
}

describe('serializeTurns', () => {
  it('without it, two racing turns on one conversation cannot both save (TurnSafeStorage refuses one)', async () => {
    const state = new ConversationState(storage());
    const adapter = new TestAdapter(countingBot(state));
    await adapter.processActivity(message('first'));
    const results = await Promise.allSettled([adapter.processActivity(message('a')), adapter.processActivity(message('b'))]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  });

  it('runs them one after the other: both answers, in order, and both counted', async () => {
    const state = new ConversationState(storage());
    const adapter = new TestAdapter(countingBot(state)).use(serializeTurns());
    await adapter.processActivity(message('first'));
    adapter.activeQueue.splice(0);
    await Promise.all([adapter.processActivity(message('a')), adapter.processActivity(message('b')), adapter.processActivity(message('c'))]);
    const replies = adapter.activeQueue.splice(0).map((a) => a.text);
    assert.deepEqual(replies, ['svar 2', 'svar 3', 'svar 4']);
  });

  it('does not hang when a turn starts another turn on its own conversation', async () => {
    const adapter = new TestAdapter(async (ctx) => {
      if (ctx.activity.text === 'outer') await adapter.processActivity(message('inner'));
      await ctx.sendActivity(ctx.activity.text ?? '');
    }).use(serializeTurns({ maxWaitMs: 50 }));
    await adapter.processActivity(message('outer'));
    assert.deepEqual(adapter.activeQueue.splice(0).map((a) => a.text), ['inner', 'outer']);
  });
});
