import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { createApplication } from '../../bot/app.js';
import { HandoffQueue } from '../../bot/handoff/handoffQueue.js';
import { loadQueueSettings } from '../../bot/handoff/settings.js';
import type { TeamsPoster } from '../../bot/handoff/teams/poster.js';
import { TeamsRegistry } from '../../bot/handoff/teams/registry.js';
import { TeamsVeilederSide } from '../../bot/handoff/teams/teamsSide.js';
import { VeilederActions } from '../../bot/handoff/veilederActions.js';
import { LowdbRecordStore } from '../../bot/storage/lowdbRecordStore.js';
import { createAvailability, loadOpeningHours } from '../../core/availability/index.js';
import { renderSummary } from '../../core/handoff/render.js';
import { buildSummary } from '../../core/handoff/summary.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { VeiviserBot } from '../../dialogs/root/veiviserBot.js';

const BOT = { id: '28:veiviser-bot', name: 'Veiviser' };
const CHANNEL = '19:veiledere@thread.tacv2';
const TEAM = '19:team@thread.tacv2';
const channelActivity = (extra: Partial<Activity>): Partial<Activity> => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  recipient: BOT,
  conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, name: '', tenantId: 'tenant-1' },
  channelData: { tenant: { id: 'tenant-1' }, team: { id: TEAM }, channel: { id: CHANNEL } },
  ...extra,
});
const KARI = { id: '29:kari', aadObjectId: '6f0e-kari', name: 'Kari Nordmann' };

interface Posted {
  ref: Partial<ConversationReference>;
  activity: Partial<Activity>;
  activityId?: string;
}

function cardOf(activity: Partial<Activity>) {
  return activity.attachments?.[0]?.content as { body: Array<{ type: string; text?: string; inlines?: Array<{ type: string; text: string }> }>; actions: Array<{ title: string; data: { verb: string } }> };
}

/** Every text a card shows, as a person reads it (the zero-width spaces that stop auto-linking left out). */
function cardTexts(activity: Partial<Activity>): string {
  return cardOf(activity)
    .body.map((b) => b.text ?? (b.inlines ?? []).map((i) => i.text).join(''))
    .join('\n')
    .replace(/\u200b/g, '');
}

describe('Teams veileder side (Teams AI application under TestAdapter, msteams activities)', function () {
  this.timeout(20_000);
  let records: LowdbRecordStore;
  let queue: HandoffQueue;
  let adapter: TestAdapter;
  let teams: TeamsVeilederSide;
  const sent: Posted[] = [];
  const updated: Posted[] = [];
  const toCitizen: Array<Partial<Activity>> = [];

  before(async () => {
    records = await LowdbRecordStore.open({ dir: join(mkdtempSync(join(tmpdir(), 'veiviser-teams-')), 'records'), retentionDays: 30 });
    queue = new HandoffQueue({ records, availability: createAvailability(loadOpeningHours(), 'always'), settings: loadQueueSettings() });
    const actions = new VeilederActions({
      queue,
      records,
      copySecret: 'copy-secret-for-tests-0123456789',
      deliver: async (_ref, activities) => {
        toCitizen.push(...activities);
      },
    });
    const poster: TeamsPoster = {
      async send(ref, activity) {
        sent.push({ ref, activity });
        return `card-${sent.length}`;
      },
      async update(ref, activityId, activity) {
        updated.push({ ref, activity, activityId });
      },
    };
    teams = new TeamsVeilederSide({ actions, registry: new TeamsRegistry(records, [TEAM]), poster });
    queue.onChange((r) => teams.onChange(r));
    const bot = new VeiviserBot({ storage: new MemoryStorage(), retentionDays: 30, flows: [] });
    const app = createApplication(bot, { extend: (a) => teams.register(a) });
    adapter = new TestAdapter(async (ctx) => {
      await app.run(ctx);
    });
  });
  after(async () => records?.close());

  async function enqueue(request: string) {
    const summary = buildSummary(
      { id: crypto.randomUUID(), createdAt: new Date(), channel: 'directline', language: 'nb', request, triage: null, topicsExplained: [], urgentSignals: ['URGENT_HOUSING'] },
      handoffTexts('nb'),
    );
    const shown = renderSummary(summary, 'nb', handoffTexts('nb'));
    return queue.enqueue({ conversationId: `dl-${summary.id}`, channel: 'directline', lang: 'nb', summary, shown, veilederCopy: shown, citizenRef: { channelId: 'directline', conversation: { id: `dl-${summary.id}` } }, callback: false });
  }

  it('remembers the configured team\'s channel when the bot is installed there, and says so once', async () => {
    await adapter
      .send(channelActivity({ type: 'installationUpdate', action: 'add', from: KARI }))
      .assertReply('Veiviser er lagt til her. Nye henvendelser fra chatten kommer i denne kanalen.')
      .send(channelActivity({ type: 'conversationUpdate', membersAdded: [BOT], from: KARI }))
      .startTest();
    const saved = await new TeamsRegistry(records, [TEAM]).all();
    assert.equal(saved[0]?.ref.conversation?.id, CHANNEL);
    assert.equal(saved[0]?.ref.serviceUrl, 'https://smba.trafficmanager.net/emea/');
  });

  it('posts each new handoff to the channel as an Adaptive Card with Ta saken, Gi tilbake til chatten, Avslutt', async () => {
    const record = await enqueue('Jeg har ikke noe sted å sove i natt');
    const post = sent.at(-1)!;
    assert.equal(post.ref.conversation?.id, CHANNEL);
    const card = cardOf(post.activity);
    assert.equal(post.activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(card.actions.map((a) => a.title), ['Ta saken', 'Gi tilbake til chatten', 'Avslutt']);
    assert.ok(card.actions.every((a) => (a as unknown as { type: string }).type === 'Action.Submit'));
    const texts = cardTexts(post.activity);
    assert.match(texts, /«Jeg har ikke noe sted å sove i natt»/);
    assert.match(texts, /Hastegrad: haster – trenger kontakt i dag/);
    assert.match(texts, /Kontakt samme dag om midlertidig sted å bo/);
    assert.equal((await queue.get(record.id)).teams?.posts[0]?.activityId, `card-${sent.length}`);
  });

  it('shows what the citizen wrote as text: no markdown, no link, in the card and in the thread', async () => {
    const request = 'Se [klikk her](https://evil.example/login) **nå** eller www.evil.example og skriv til a@evil.example';
    const record = await enqueue(request);
    const card = cardOf(sent.at(-1)!.activity);
    const own = card.body.filter((b) => JSON.stringify(b).includes('klikk her'));
    assert.equal(own.length, 1);
    assert.equal(own[0]?.type, 'RichTextBlock', 'a TextRun is never read as markdown (a TextBlock is)');
    assert.match(cardTexts(sent.at(-1)!.activity), /«Se \[klikk her\]\(https:\/\/evil\.example\/login\) \*\*nå\*\* eller www\.evil\.example/, 'reads as typed');
    const shown = JSON.stringify(own);
    for (const link of ['https://evil.example', 'www.evil.example', 'evil.example', 'a@evil.example']) assert.ok(!shown.includes(link), `${link} cannot be auto-linked`);
    await queue.change(record.id, 'cancelled', 'user');
  });

  it('a card action from outside the veileder channel (e.g. a citizen\'s web chat) is ignored', async () => {
    const [record] = await queue.list(['queued']);
    await adapter
      .send({ type: 'message', channelId: 'directline', value: { verb: 'handoff.accept', handoffId: record!.id }, from: { id: 'citizen', name: '' }, recipient: BOT, conversation: { id: 'dl-evil', conversationType: 'personal', isGroup: false, name: '' } })
      .startTest();
    assert.equal((await queue.get(record!.id)).state, 'queued');
  });

  it('"Ta saken" takes it, opens the thread, updates the card with who took it and tells the citizen', async () => {
    const [record] = await queue.list(['queued']);
    const cardId = record!.teams!.posts[0]!.activityId!;
    await adapter
      .send(channelActivity({ type: 'message', value: { verb: 'handoff.accept', handoffId: record!.id }, from: KARI, replyToId: cardId, conversation: { id: `${CHANNEL};messageid=${cardId}`, conversationType: 'channel', isGroup: true, name: '' } }))
      .assertReply('Du har tatt saken. Svar i denne tråden og begynn svaret med @Veiviser, så går det til brukeren.')
      .startTest();
    const after = await queue.get(record!.id);
    assert.equal(after.state, 'accepted');
    assert.equal(after.acceptedBy?.id, 'teams-6f0e-kari');
    const update = updated.at(-1)!;
    assert.equal(update.activityId, cardId);
    const card = cardOf(update.activity);
    assert.ok(cardTexts(update.activity).split('\n').includes('Kari Nordmann har tatt denne'));
    assert.deepEqual(card.actions.map((a) => a.title), ['Gi tilbake til chatten', 'Avslutt']);
    assert.equal(toCitizen.at(-1)?.text, 'Nå snakker du med Kari Nordmann, veileder i Nav. Det du skriver, går rett til veilederen.');
  });

  it('relays both ways in the thread: the veileder\'s reply reaches the citizen, the citizen\'s message appears in the thread', async () => {
    const [record] = await queue.list(['accepted']);
    const cardId = record!.teams!.posts[0]!.activityId!;
    await adapter
      .send(channelActivity({ type: 'message', text: 'Hei! Vi finner et sted til deg i kveld. Kan du komme til Nav-kontoret?', from: KARI, conversation: { id: `${CHANNEL};messageid=${cardId}`, conversationType: 'channel', isGroup: true, name: '' } }))
      .startTest();
    assert.equal(toCitizen.at(-1)?.text, 'Kari Nordmann (veileder): Hei! Vi finner et sted til deg i kveld. Kan du komme til Nav-kontoret?');
    assert.equal(toCitizen.at(-1)?.from?.name, 'Kari Nordmann');

    const seq = await queue.appendMessage(record!.id, record!.conversationId, 'user', 'Ja, jeg kommer nå');
    await teams.onCitizenMessage(record!, seq);
    const inThread = sent.at(-1)!;
    assert.equal(inThread.ref.conversation?.id, `${CHANNEL};messageid=${cardId}`);
    assert.equal(cardTexts(inThread.activity), 'Brukeren skriver: Ja, jeg kommer nå');
    assert.equal(inThread.activity.text, undefined, 'not a message text, which Teams reads as markdown');
    assert.equal(cardOf(inThread.activity).body[0]?.type, 'RichTextBlock');
  });

  it('a second "Ta saken" gets a kind conflict note; "Avslutt" closes and updates the card', async () => {
    const [record] = await queue.list(['accepted']);
    const cardId = record!.teams!.posts[0]!.activityId!;
    const thread = { id: `${CHANNEL};messageid=${cardId}`, conversationType: 'channel', isGroup: true, name: '' };
    await adapter
      .send(channelActivity({ type: 'message', value: { verb: 'handoff.accept', handoffId: record!.id }, from: { id: '29:ola', aadObjectId: 'ola', name: 'Ola' }, conversation: thread }))
      .assertReply('Noen andre har allerede endret denne. Visningen er oppdatert.')
      .send(channelActivity({ type: 'message', value: { verb: 'handoff.close', handoffId: record!.id }, from: KARI, conversation: thread }))
      .startTest();
    assert.equal((await queue.get(record!.id)).state, 'closed');
    const card = cardOf(updated.at(-1)!.activity);
    assert.ok(cardTexts(updated.at(-1)!.activity).split('\n').includes('Avsluttet'));
    assert.deepEqual(card.actions, []);
    assert.match(toCitizen.at(-3)?.text ?? '', /^Veilederen har avsluttet samtalen/);
    assert.ok(toCitizen.at(-1)?.suggestedActions || toCitizen.at(-1)?.attachments, 'then the menu, so the person can go on');
    const audit = await records.readAudit();
    assert.deepEqual(audit.filter((a) => a.target === record!.id).map((a) => `${a.actor} ${a.action}`), [
      'veileder:teams-6f0e-kari handoff.accept',
      'veileder:teams-6f0e-kari handoff.message',
      'veileder:teams-6f0e-kari handoff.close',
    ]);
  });
});
