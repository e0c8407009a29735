import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import { loadConfig } from '../../bot/config.js';
import { fromThisMachine } from '../../bot/teamsChannel.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { FakeTeams, type Place } from '../helpers/teamsHarness.js';

const ALEX = { id: 'user-alex', aadObjectId: 'aad-alex', name: 'Alex' };
const PERSONAL: Place = { kind: 'personal', conversationId: 'a:personal-alex' };

describe('local Teams mode (TEAMS_LOCAL=1, for Microsoft 365 Agents Playground)', function () {
  this.timeout(30_000);
  let server: RealServer;
  let teams: FakeTeams;

  before(async () => {
    server = await startRealServer({ TEAMS_LOCAL: '1' });
    teams = await FakeTeams.start(server.url);
  });
  after(async () => {
    await teams?.close();
    await server?.close(1000);
  });

  it('answers a Teams activity from this machine without Bot Framework authentication', async () => {
    const { status, sent } = await teams.send(PERSONAL, ALEX, { type: 'conversationUpdate', membersAdded: [ALEX] });
    assert.equal(status, 200);
    assert.match(FakeTeams.textOf(sent[0]!), /^Hei! Jeg er Veiviser/);
    assert.equal(sent[0]!.conversationId, PERSONAL.conversationId);
  });

  it('refuses a request that came through a proxy (X-Forwarded-For), and says nothing', async () => {
    const { status, sent } = await teams.send(PERSONAL, ALEX, { type: 'message', text: 'hei' }, { 'X-Forwarded-For': '203.0.113.9' });
    assert.equal(status, 403);
    assert.equal(sent.length, 0);
  });

  it('refuses an activity whose serviceUrl is elsewhere: the bot would post its replies there', async () => {
    const { status } = await teams.send(PERSONAL, ALEX, { type: 'message', text: 'hei', serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    assert.equal(status, 403);
    const lookalike = await teams.send(PERSONAL, ALEX, { type: 'message', text: 'hei', serviceUrl: 'http://localhost.example.com/' });
    assert.equal(lookalike.status, 403);
  });

  it('answers a request from another machine with 403', () => {
    let status = 0;
    let passed = false;
    const res = { status: (s: number) => ((status = s), res), json: () => res } as unknown as Response;
    fromThisMachine({ headers: {}, socket: { remoteAddress: '10.1.2.3' } } as unknown as Request, res, () => (passed = true));
    assert.equal(status, 403);
    assert.equal(passed, false);
    fromThisMachine({ headers: {}, socket: { remoteAddress: '::ffff:127.0.0.1' } } as unknown as Request, res, () => (passed = true));
    assert.equal(passed, true);
  });

  it('gives 400, not 500, for a body that is not an activity', async () => {
    for (const body of ['{}', '[]', '{"type":"message"}']) {
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      assert.equal(res.status, 400, body);
      assert.deepEqual(await res.json(), { error: { code: 400, message: 'not a Bot Framework activity' } });
    }
  });

  it('is refused at start together with credentials or in production, and with a one-line reason', () => {
    assert.throws(
      () => loadConfig({ TEAMS_LOCAL: '1', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', PUBLIC_BASE_URL: 'https://v.example' }),
      /TEAMS_LOCAL=1 .* cannot be used with MicrosoftAppId/,
    );
    assert.throws(() => loadConfig({ TEAMS_LOCAL: '1', NODE_ENV: 'production' }), /cannot be used with NODE_ENV=production/);
    assert.throws(() => loadConfig({ TEAMS_LOCAL: 'yes' }), /TEAMS_LOCAL must be 1 or unset/);
    assert.equal(loadConfig({ TEAMS_LOCAL: '1' }).teamsLocal, true);
    assert.equal(loadConfig({}).teamsLocal, false);
  });

  it('reads VEILEDER_TEAMS_CONVERSATION as a list of Teams ids, and refuses anything else', () => {
    assert.deepEqual(loadConfig({ VEILEDER_TEAMS_CONVERSATION: '19:a@thread.tacv2, 19:b@thread.v2 19:a@thread.tacv2' }).veilederTeamsConversations, ['19:a@thread.tacv2', '19:b@thread.v2']);
    assert.deepEqual(loadConfig({}).veilederTeamsConversations, []);
    assert.throws(() => loadConfig({ VEILEDER_TEAMS_CONVERSATION: 'https://teams.microsoft.com/l/team/x' }), /VEILEDER_TEAMS_CONVERSATION must be Teams team or chat ids/);
  });

  it('with credentials, refuses to start without PUBLIC_BASE_URL: links sent in Teams must be absolute', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' }), /PUBLIC_BASE_URL is not/);
  });
});

describe('Bot Framework mode (credentials): /api/messages', function () {
  this.timeout(30_000);
  it('gives 400, not 500, for {}', async () => {
    const server = await startRealServer({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', PUBLIC_BASE_URL: 'https://veiviser.example' });
    try {
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(res.status, 400);
    } finally {
      await server.close(1000);
    }
  });
});
