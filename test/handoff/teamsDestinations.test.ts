import assert from 'node:assert/strict';
import { t } from '../../dialogs/i18n.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { cardActions, FakeTeams, type ConnectorCall, type Place, type TeamsUser } from '../helpers/teamsHarness.js';

const tr = handoffTexts('nb');
const TEAM_ID = '19:veiledere-team@thread.tacv2';
const CHAT_ID = '19:veiledere-chat@thread.v2';
const TEAM: Place = { kind: 'channel', teamId: TEAM_ID, channelId: TEAM_ID };
const CHAT: Place = { kind: 'groupChat', chatId: CHAT_ID };
const OTHER_CHAT: Place = { kind: 'groupChat', chatId: '19:noen-andre@thread.v2' };
const KARI: TeamsUser = { id: '29:kari', aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const OLA: TeamsUser = { id: '29:ola', aadObjectId: 'aad-ola', name: 'Ola' };

let citizens = 0;
function citizenPlace(): { place: Place; user: TeamsUser } {
  citizens += 1;
  return { place: { kind: 'personal', conversationId: `a:citizen-${citizens}` }, user: { id: `29:citizen-${citizens}`, aadObjectId: `aad-citizen-${citizens}`, name: 'Innbygger' } };
}

const notices = (calls: ConnectorCall[]) => calls.filter((c) => !c.activity.attachments?.length).map((c) => c.activity.text);
const cardTo = (calls: ConnectorCall[], conversationId: string) => calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.activity.attachments?.length);

/**
 * The veileder side in Teams through /api/messages, the whole bot as `npm start` runs it in local
 * Teams mode, with a stand-in for Teams: which conversations get the citizens' summaries, and how
 * a group chat works as the veileder conversation.
 */
describe('Teams: where summaries go (VEILEDER_TEAMS_CONVERSATION) and group chats', function () {
  this.timeout(60_000);
  let server: RealServer;
  let teams: FakeTeams;

  before(async () => {
    server = await startRealServer({ TEAMS_LOCAL: '1', VEILEDER_TEAMS_CONVERSATION: `${TEAM_ID}, ${CHAT_ID}` });
    teams = await FakeTeams.start(server.url);
  });
  after(async () => {
    await teams?.close();
    await server?.close(1000);
  });

  /** A citizen in a Teams personal chat asks for a person and sends the summary; returns what they saw at the end. */
  async function handoff(request: string): Promise<{ place: Place; user: TeamsUser; sent: ConnectorCall[] }> {
    const { place, user } = citizenPlace();
    await teams.send(place, user, { type: 'conversationUpdate', membersAdded: [user] });
    await teams.send(place, user, { type: 'message', text: t('nb', 'menu.human') });
    await teams.send(place, user, { type: 'message', text: request });
    let { sent } = await teams.send(place, user, { type: 'message', text: tr('consent.buttons.send') });
    if (sent.some((c) => c.activity.text === tr('availability.choose'))) ({ sent } = await teams.send(place, user, { type: 'message', text: tr('availability.buttons.callback') }));
    return { place, user, sent };
  }

  const waitFor = async <T>(what: () => T | undefined, label: string): Promise<T> => {
    for (let i = 0; i < 100; i += 1) {
      const found = what();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${label}`);
  };

  it('an install in a conversation that is not configured gets one short notice, and no summaries', async () => {
    const sent = await teams.install(OTHER_CHAT, OLA);
    assert.deepEqual(notices(sent), [tr('veileder.notDestination')]);
    await handoff('Jeg trenger hjelp med husleia');
    assert.equal(cardTo(teams.calls, OTHER_CHAT.kind === 'groupChat' ? OTHER_CHAT.chatId : '').length, 0, 'nothing posted where the app was merely added');
  });

  it('a handoff queued before any veileder conversation existed is posted when the team installs the app; the notice comes once', async () => {
    const before = teams.calls.length;
    const sent = await teams.install(TEAM, KARI);
    assert.deepEqual(notices(sent), [tr('veileder.installed')]);
    const card = await waitFor(() => cardTo(teams.calls.slice(before), TEAM_ID)[0], 'the waiting card in the team');
    assert.match(FakeTeams.textOf(card), /«Jeg trenger hjelp med husleia»/);
  });

  it('a group chat as the veileder conversation: the notice speaks of the group chat, and new summaries go to both', async () => {
    const sent = await teams.install(CHAT, KARI);
    assert.deepEqual(notices(sent), [tr('veileder.installedChat')]);
    await waitFor(() => (cardTo(teams.calls, CHAT_ID).length >= 1 ? true : undefined), 'the waiting card in the chat');
    const before = teams.calls.length;
    await handoff('Jeg har ikke noe sted å bo');
    const posted = teams.calls.slice(before);
    assert.equal(cardTo(posted, TEAM_ID).length, 1);
    assert.equal(cardTo(posted, CHAT_ID).length, 1);
  });

  it('in the group chat: Ta saken answers within a second, the citizen\'s messages come into the chat itself, replies reach the citizen', async () => {
    const citizen = await handoff('Jeg vil snakke om gjeld');
    const chatCard = cardTo(teams.calls, CHAT_ID).at(-1)!;
    const teamCard = cardTo(teams.calls, TEAM_ID).at(-1)!;
    const accept = cardActions(chatCard.activity).find((a) => a.title === 'Ta saken')!;

    const started = Date.now();
    const pressed = await teams.send(CHAT, KARI, { type: 'message', value: accept.data, replyToId: chatCard.id });
    const took = Date.now() - started;
    assert.ok(took < 1000, `the press took ${took} ms`);
    assert.equal(pressed.status, 200);
    assert.ok(pressed.sent.some((c) => c.activity.text === tr('veileder.chatStart')), 'the reply speaks of the chat, not a thread');
    assert.ok(!pressed.sent.some((c) => /tråd/.test(c.activity.text ?? '')));
    const updates = teams.calls.filter((c) => c.method === 'PUT');
    assert.ok(updates.some((c) => c.activityId === chatCard.id && /Kari Nordmann har tatt denne/.test(FakeTeams.textOf(c))), 'the chat card shows who took it');
    assert.ok(updates.some((c) => c.activityId === teamCard.id && /Kari Nordmann har tatt denne/.test(FakeTeams.textOf(c))), 'so does the team card');

    const before = teams.calls.length;
    await teams.send(citizen.place, citizen.user, { type: 'message', text: 'Jeg skylder 40 000 kroner' });
    const relayed = await waitFor(() => teams.calls.slice(before).find((c) => FakeTeams.textOf(c).startsWith('Brukeren skriver')), 'the citizen\'s message in the chat');
    assert.equal(relayed.conversationId, CHAT_ID, 'posted to the chat itself, not to a thread address');
    assert.equal(FakeTeams.textOf(relayed), 'Brukeren skriver: Jeg skylder 40 000 kroner', 'shown as text, in a card that reads no markdown');

    const reply = await teams.send(CHAT, KARI, { type: 'message', text: 'Vi kan se på det sammen. Har du fått inkassovarsel?' });
    assert.equal(reply.status, 200);
    const toCitizen = teams.calls.filter((c) => c.conversationId === (citizen.place.kind === 'personal' ? citizen.place.conversationId : '')).at(-1)!;
    assert.equal(toCitizen.activity.text, 'Kari Nordmann (veileder): Vi kan se på det sammen. Har du fått inkassovarsel?');

    const close = cardActions(chatCard.activity).find((a) => a.title === 'Avslutt')!;
    const closedAt = Date.now();
    await teams.send(CHAT, KARI, { type: 'message', value: close.data, replyToId: chatCard.id });
    assert.ok(Date.now() - closedAt < 1000);
    const closedCard = teams.calls.filter((c) => c.method === 'PUT' && c.activityId === chatCard.id).at(-1)!;
    assert.match(FakeTeams.textOf(closedCard), /Avsluttet/);
  });

  it('the citizen\'s copy link in Teams is absolute (http://localhost:PORT in local mode)', async () => {
    const { sent } = await handoff('Jeg vil ha en kopi');
    const link = sent.map((c) => c.activity.text ?? '').find((text) => text.includes('/kopi/'));
    assert.match(link ?? '', new RegExp(`\\]\\(http://localhost:${server.port}/kopi/`));
  });
});
