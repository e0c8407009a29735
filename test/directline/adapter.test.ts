import assert from 'node:assert/strict';
import { TurnContext, type ConversationReference } from 'botbuilder';
import { call, startConversation, startDirectLine, testBotLogic, type ActivityJson, type TestServer } from './harness.js';

function texts(body: Record<string, unknown>): (string | undefined)[] {
  return (body.activities as ActivityJson[]).map((a) => a.text);
}

describe('LocalDirectLine as a BotAdapter', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('counts turns in flight and drain() waits for them', async () => {
    t = await startDirectLine({ turnWaitMs: 10 });
    const c = await startConversation(t.base);
    assert.equal(t.dl.inFlight(), 0);
    const posted = call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'slow one' } });
    await posted; // answered after turnWaitMs while the 300 ms turn still runs
    assert.equal(t.dl.inFlight(), 1);
    await t.dl.drain();
    assert.equal(t.dl.inFlight(), 0);
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.ok(texts(log.body).some((x) => x?.startsWith('Du skrev: slow one')));
  });

  it('sends proactively with continueConversationAsync from a saved conversation reference', async () => {
    let reference: Partial<ConversationReference> | undefined;
    t = await startDirectLine({
      logic: async (ctx) => {
        reference = TurnContext.getConversationReference(ctx.activity);
        await testBotLogic(ctx);
      },
    });
    const c = await startConversation(t.base);
    assert.ok(reference);
    await t.dl.continueConversationAsync('app-id', reference, async (ctx) => {
      await ctx.sendActivity('En veileder har svart deg.');
    });
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=1`, { token: c.token });
    assert.deepEqual(texts(log.body), ['En veileder har svart deg.']);
  });

  it('updateActivity delivers the changed activity again under the same id; deleteActivity drops it from the log', async () => {
    let sentId = '';
    t = await startDirectLine({
      logic: async (ctx) => {
        if (ctx.activity.text === 'send') sentId = (await ctx.sendActivity('Venter …'))?.id ?? '';
        if (ctx.activity.text === 'update') await ctx.updateActivity({ ...ctx.activity, type: 'message', id: sentId, text: 'Ferdig.', from: ctx.activity.recipient });
        if (ctx.activity.text === 'delete') await ctx.deleteActivity(sentId);
      },
    });
    const c = await startConversation(t.base);
    const post = (text: string) => call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text } });
    await post('send');
    const before = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    await post('update');
    const after = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=${String(before.body.watermark)}`, { token: c.token });
    const updated = (after.body.activities as ActivityJson[]).find((a) => a.id === sentId);
    assert.equal(updated?.text, 'Ferdig.');
    await post('delete');
    const all = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.ok(!(all.body.activities as ActivityJson[]).some((a) => a.id === sentId));
  });

  it('redacts the user text before it is echoed, logged or given to the bot', async () => {
    t = await startDirectLine({
      redact: (activity) => {
        if (activity.text) activity.text = activity.text.replace(/\b\d{11}\b/g, '[fødselsnummer fjernet]');
      },
    });
    const c = await startConversation(t.base);
    await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'mitt nummer er 01019012345' } });
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.doesNotMatch(JSON.stringify(log.body), /01019012345/);
    assert.ok(texts(log.body).includes('mitt nummer er [fødselsnummer fjernet]'));
  });

  it('clearHistory inside a turn empties the chat log, the conversation goes on, and watermarks keep rising', async () => {
    for (const withStoreClear of [true, false]) {
      t = await startDirectLine({
        logic: async (ctx) => {
          if (ctx.activity.text === 'slett') {
            await t.dl.clearHistory(ctx.activity.conversation.id);
            await ctx.sendActivity('Slettet.');
            return;
          }
          await testBotLogic(ctx);
        },
      });
      if (!withStoreClear) (t.store as { clearActivities?: unknown }).clearActivities = undefined;
      const c = await startConversation(t.base);
      const post = (text: string) => call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text } });
      await post('Husleia mi er ikke betalt');
      const before = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
      await post('slett');
      const all = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
      assert.deepEqual(texts(all.body), ['Slettet.'], `store clear: ${withStoreClear}`);
      assert.ok(Number(all.body.watermark) > Number(before.body.watermark));
      await post('hei igjen');
      const newer = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=${String(all.body.watermark)}`, { token: c.token });
      assert.equal(texts(newer.body).length, 2, 'the echo and the reply after the last watermark');
      await t.close();
    }
    t = await startDirectLine();
  });

  it('pushActivity refuses an unknown conversation', async () => {
    t = await startDirectLine();
    await assert.rejects(t.dl.pushActivity('no-such-conversation', { text: 'hei' }));
  });
});
