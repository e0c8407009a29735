import assert from 'node:assert/strict';
import { TestAdapter } from 'botbuilder';
import { createLogger, turnLog, turnLogger, turnLoggingMiddleware } from '../../bot/logger.js';

const SECRET = 'Jeg har ikke penger til husleia og er redd';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const destination = {
    write(chunk: string) {
      raw.push(chunk);
      lines.push(JSON.parse(chunk) as Record<string, unknown>);
    },
  };
  return { log: createLogger({ level: 'debug', destination }), lines, raw: () => raw.join('') };
}

describe('logger: message text cannot be logged by accident', () => {
  it('replaces text-like fields at any depth, and keeps the rest', () => {
    const { log, lines, raw } = capture();
    log.info({ text: SECRET, step: 'triage', nested: { deeper: { summary: { request: SECRET } } }, answers: [SECRET] }, 'turn done');
    assert.doesNotMatch(raw(), /husleia/);
    assert.equal(lines[0]?.text, '[not logged]');
    assert.equal(lines[0]?.step, 'triage');
    assert.equal(lines[0]?.msg, 'turn done');
  });

  it('logs only the type, channel and locale of an activity', () => {
    const { log, lines, raw } = capture();
    log.info({ activity: { type: 'message', channelId: 'webchat', locale: 'nn-NO', text: SECRET, value: { note: SECRET }, attachments: [{ content: SECRET }] } }, 'in');
    assert.doesNotMatch(raw(), /husleia/);
    const activity = lines[0]?.activity as Record<string, unknown>;
    assert.equal(activity.type, 'message');
    assert.equal(activity.locale, 'nn-NO');
  });

  it('removes identity numbers, phone numbers and e-mail from message strings and errors', () => {
    const { log, raw } = capture();
    log.warn(`lookup failed for 15038512363 and ola@example.no`);
    log.error({ err: new Error('bad input 912 34 567') }, 'failed');
    assert.doesNotMatch(raw(), /15038512363|ola@example\.no|912 34 567/);
    assert.match(raw(), /lookup failed for/);
  });

  it('gives every line of a turn the same correlation id, and never the raw conversation id', () => {
    const { log, lines, raw } = capture();
    const turn = { activity: { type: 'message', channelId: 'webchat', conversation: { id: 'conv-abc-123' } } };
    const first = turnLogger(log, turn);
    first.info('a');
    first.info({ conversationId: 'conv-abc-123' }, 'b');
    turnLogger(log, turn).info('c');
    assert.equal(lines[0]?.correlationId, lines[1]?.correlationId);
    assert.notEqual(lines[0]?.correlationId, lines[2]?.correlationId);
    assert.equal(lines[0]?.conv, lines[2]?.conv, 'the same conversation can be followed');
    assert.doesNotMatch(raw(), /conv-abc-123/);
  });

  it('hands each turn its own logger through the adapter, and never logs the message', async () => {
    const { log, lines, raw } = capture();
    const adapter = new TestAdapter(async (ctx) => {
      turnLog(ctx, log).info({ activity: ctx.activity }, 'turn');
      await ctx.sendActivity('ok');
    }).use(turnLoggingMiddleware(log));
    await adapter.send(SECRET).assertReply('ok').send('igjen').assertReply('ok').startTest();
    assert.equal(lines.length, 2);
    assert.notEqual(lines[0]?.correlationId, lines[1]?.correlationId);
    assert.doesNotMatch(raw(), /husleia|igjen/);
  });
});
