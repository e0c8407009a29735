import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter } from 'botbuilder';
import { createStores, transcriptMiddleware, type Stores } from '../../bot/storage/index.js';
import { transcriptWritesSettled } from '../../dialogs/context.js';
import { t } from '../../dialogs/i18n.js';

/**
 * The store, taking 30 ms to confirm the user's lines (as a busy database might). Like every
 * store, it numbers appends in the order they are made.
 */
function slowOnUserLines(stores: Stores) {
  return {
    appendTranscript: async (conversationId: string, entry: { from: 'user' | 'bot'; text: string }) => {
      const seq = stores.records.appendTranscript(conversationId, entry);
      if (entry.from === 'user') await new Promise((resolve) => setTimeout(resolve, 30));
      return seq;
    },
  };
}

describe('transcript middleware', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-transcript-'));
    stores = await createStores({ dataDir: dir, retentionDays: 30 });
  });
  afterEach(async () => {
    await stores.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps both sides of the conversation, with the user\'s identity numbers removed in their language', async () => {
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity(`Takk. Du skrev ${ctx.activity.text?.length ?? 0} tegn.`);
    }).use(transcriptMiddleware(stores.records));
    await adapter.send({ type: 'message', text: 'Fødselsnummeret mitt er 15038512363', locale: 'nn-NO' }).assertReply('Takk. Du skrev 35 tegn.').startTest();
    const conversationId = adapter.conversation.conversation.id;
    const entries = await stores.records.readTranscript(conversationId);
    assert.deepEqual(entries.map((e) => [e.from, e.text]), [
      ['user', `Fødselsnummeret mitt er ${t('nn', 'privacy:placeholder.fodselsnummer')}`],
      ['bot', 'Takk. Du skrev 35 tegn.'],
    ]);
  });

  it('keeps several replies of one turn in the order the user saw them', async () => {
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivities([
        { type: 'message', text: 'en' },
        { type: 'typing' },
        { type: 'message', text: 'to' },
      ]);
      await ctx.sendActivity('tre');
    }).use(transcriptMiddleware(stores.records));
    await adapter.send('hei').assertReply('en').assertReply((a) => assert.equal(a.type, 'typing')).assertReply('to').assertReply('tre').startTest();
    const entries = await stores.records.readTranscript(adapter.conversation.conversation.id);
    assert.deepEqual(entries.map((e) => e.text), ['hei', 'en', 'to', 'tre']);
  });

  it('keeps the user before the reply when the user\'s line is slow to store, and a turn waits for both', async () => {
    const slowUser = slowOnUserLines(stores);
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity(`svar på ${ctx.activity.text ?? ''}`);
    }).use(transcriptMiddleware(slowUser));
    await adapter.send('første').assertReply('svar på første').send('andre').assertReply('svar på andre').startTest();
    const entries = await stores.records.readTranscript(adapter.conversation.conversation.id);
    assert.deepEqual(entries.map((e) => e.text), ['første', 'svar på første', 'andre', 'svar på andre']);
  });

  it('hands the user\'s line to the store together with the first reply\'s, so they can share one write', async () => {
    const calls: string[] = [];
    const recording = {
      appendTranscript: async (conversationId: string, entry: { from: 'user' | 'bot'; text: string }) => {
        calls.push(entry.from);
        return stores.records.appendTranscript(conversationId, entry);
      },
    };
    const seenBeforeReply: string[][] = [];
    const adapter = new TestAdapter(async (ctx) => {
      await new Promise((resolve) => setImmediate(resolve));
      seenBeforeReply.push([...calls]);
      if (ctx.activity.text === 'hei') await ctx.sendActivity('svar');
    }).use(transcriptMiddleware(recording));
    await adapter.send('hei').assertReply('svar').send('uten svar').startTest();
    assert.deepEqual(seenBeforeReply, [[], ['user', 'bot']], 'the user\'s line waited for the reply, or the end of the turn');
    assert.deepEqual(calls, ['user', 'bot', 'user']);
    assert.deepEqual((await stores.records.readTranscript(adapter.conversation.conversation.id)).map((e) => e.text), ['hei', 'svar', 'uten svar']);
  });

  it('lets a flow wait for the user\'s line of this turn before it deletes the transcript', async () => {
    const slowUser = slowOnUserLines(stores);
    const adapter = new TestAdapter(async (ctx) => {
      await transcriptWritesSettled(ctx);
      await stores.records.deleteConversation(ctx.activity.conversation.id);
    }).use(transcriptMiddleware(slowUser));
    await adapter.send('slett alt, mitt nummer er 15038512363').startTest();
    assert.deepEqual(await stores.records.readTranscript(adapter.conversation.conversation.id), []);
  });

  it('never breaks a turn when the store fails, and reports it', async () => {
    const errors: unknown[] = [];
    const failing = { appendTranscript: async () => Promise.reject(new Error('disk full')) };
    const adapter = new TestAdapter(async (ctx) => {
      await ctx.sendActivity('svar');
    }).use(transcriptMiddleware(failing, { onError: (e) => errors.push(e) }));
    await adapter.send('hei').assertReply('svar').startTest();
    assert.equal(errors.length, 2);
  });

  it('leaves out turns it is told to skip, and non-message activities', async () => {
    const adapter = new TestAdapter(async (ctx) => {
      if (ctx.activity.type === 'message') await ctx.sendActivity('ok');
    }).use(transcriptMiddleware(stores.records, { skip: (ctx) => ctx.activity.channelData?.veilederTeam === true }));
    await adapter.send({ type: 'message', text: 'intern', channelData: { veilederTeam: true } }).assertReply('ok').startTest();
    await adapter.send({ type: 'event', name: 'veiviser/language', value: 'nn' }).startTest();
    assert.deepEqual(await stores.records.readTranscript(adapter.conversation.conversation.id), []);
  });
});
