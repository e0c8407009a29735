import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startConversation } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

interface Answer {
  status: number;
  body: unknown;
}

/** A request exactly as given: the path is not re-encoded, the headers are sent as they are. */
function raw(server: RealServer, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // left as text: the assertion shows it
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The one error shape: `{ error: { code, message } }` and nothing else at the top. */
function assertErrorShape(answer: Answer, status: number, what: string): void {
  assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
  const body = answer.body as { error?: { code?: unknown; message?: unknown } };
  assert.deepEqual(Object.keys(body), ['error'], `${what}: one key at the top`);
  assert.equal(typeof body.error?.code, 'string', `${what}: a code`);
  assert.equal(typeof body.error?.message, 'string', `${what}: a message`);
}

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = { v: value };
  return value;
}

describe('input bounds: what a client sends wrong is a 400 in one JSON error shape, never a 500', function () {
  this.timeout(20_000);
  let server: RealServer;
  let veileder: Record<string, string>;
  before(async () => {
    server = await startRealServer();
    veileder = { Authorization: `Bearer ${server.veilederToken}` };
  });
  after(async () => server.close());

  it('refuses card values nested too deep or too large, and keeps an ordinary one', async () => {
    const c = await startConversation(server.directLineBase, 'nb-NO');
    const post = (value: unknown, raw_?: string) =>
      raw(server, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' }, raw_ ?? JSON.stringify({ type: 'message', value }));
    assert.equal((await post({ verb: 'menu', action: 'rights', answers: nested(6) })).status, 200, 'an ordinary card value');
    assertErrorShape(await post(nested(9)), 400, '9 levels');
    assertErrorShape(await post(undefined, `{"type":"message","value":${'['.repeat(3000)}1${']'.repeat(3000)}}`), 400, '3000 levels');
    assertErrorShape(await post({ note: 'x'.repeat(10_001) }), 400, 'over 10 000 characters');
  });

  it('answers a broken percent-encoding or a charset other than UTF-8 with 400, on the veileder API and everywhere else', async () => {
    const json = { 'Content-Type': 'application/json' };
    const cases: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['GET', '/api/handoffs/%E0%A4%A', veileder, undefined],
      ['POST', '/api/handoffs/%ZZ/accept', veileder, undefined],
      ['POST', '/api/handoffs/abc/messages', { ...veileder, 'Content-Type': 'application/json; charset=x-unknown' }, '{"text":"hei"}'],
      ['POST', '/api/handoffs/abc/messages', { ...veileder, ...json, 'Content-Encoding': 'x-zip' }, '{"text":"hei"}'],
      ['POST', '/api/handoffs/abc/messages', { ...veileder, ...json }, '{"text":'],
      ['POST', '/v3/directline/tokens/generate', { 'Content-Type': 'application/json; charset=x-unknown' }, '{}'],
      ['GET', '/v3/directline/conversations/%ZZ/activities', {}, undefined],
      ['GET', '/kopi/%ZZ', {}, undefined],
    ];
    for (const [method, path, headers, body] of cases) assertErrorShape(await raw(server, method, path, headers, body), 400, `${method} ${path} ${headers['Content-Type'] ?? ''}`);
  });

  it('uses the same shape for 401 and 404 (409 in test/handoff/e2e.test.ts)', async () => {
    assertErrorShape(await raw(server, 'GET', '/api/handoffs'), 401, 'no token');
    assertErrorShape(await raw(server, 'GET', '/api/handoffs/no-such-id', veileder), 404, 'unknown handoff');
    assertErrorShape(await raw(server, 'GET', '/no/such/page'), 404, 'unknown address');
    assertErrorShape(await raw(server, 'GET', '/veileder/i18n/xx.json'), 404, 'unknown language');
  });
});
