import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ConfigurationServiceClientCredentialFactory, MessageFactory } from 'botbuilder';
import express from 'express';
import { adapterPoster, threadRef } from '../../bot/handoff/teams/poster.js';

/**
 * The proactive path to Teams through a real TeamsAdapter (anonymous, no credentials), with a
 * local stand-in for the Bot Connector service at the reference's serviceUrl: a new card, its
 * update, and a reply in the card's thread go to the right Connector endpoints.
 */
describe('posting to Teams through the Bot Connector protocol', function () {
  this.timeout(20_000);
  let server: Server;
  let serviceUrl: string;
  const calls: Array<{ method: string; path: string; body: Record<string, unknown> }> = [];

  before(async () => {
    const app = express();
    app.use(express.json());
    app.use((req, res) => {
      calls.push({ method: req.method, path: decodeURIComponent(req.path), body: req.body as Record<string, unknown> });
      res.json({ id: `act-${calls.length}` });
    });
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('sends a card to the channel, updates it in place, and replies in its thread', async () => {
    const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
    const poster = adapterPoster(adapter, '');
    const channel = { channelId: 'msteams', serviceUrl, conversation: { id: '19:veiledere@thread.tacv2', isGroup: true, conversationType: 'channel', name: '' }, bot: { id: '28:bot', name: 'Veiviser' } };

    const id = await poster.send(channel, MessageFactory.text('Ny henvendelse'));
    assert.equal(id, 'act-1');
    assert.equal(calls[0]?.method, 'POST');
    assert.equal(calls[0]?.path, '/v3/conversations/19:veiledere@thread.tacv2/activities');
    assert.equal(calls[0]?.body.text, 'Ny henvendelse');

    await poster.update(channel, 'act-1', MessageFactory.text('Kari har tatt denne'));
    assert.equal(calls[1]?.method, 'PUT');
    assert.equal(calls[1]?.path, '/v3/conversations/19:veiledere@thread.tacv2/activities/act-1');

    await poster.send(threadRef(channel, 'act-1'), MessageFactory.text('Brukeren skriver: hei'));
    assert.equal(calls[2]?.path, '/v3/conversations/19:veiledere@thread.tacv2;messageid=act-1/activities');
  });
});
