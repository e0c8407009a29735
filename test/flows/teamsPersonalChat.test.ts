import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { questionById } from '../../core/triage/index.js';
import { t } from '../../dialogs/i18n.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { allCardButtons, cardChoices, cardTexts, FakeTeams, type ConnectorCall, type Place, type TeamsUser } from '../helpers/teamsHarness.js';
import { LANGS } from '../helpers/flowHarness.js';

const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

/**
 * A citizen in a Teams personal chat, through /api/messages as Teams sends it (local Teams mode).
 * Teams shows only three suggested actions, so what a person needs (the menu, "Snakk med et
 * menneske") must not be among hidden ones; and Teams keeps old cards pressable.
 */
describe('Teams personal chat: what the citizen sees', function () {
  this.timeout(60_000);
  let server: RealServer;
  let teams: FakeTeams;
  let n = 0;

  before(async () => {
    server = await startRealServer({ TEAMS_LOCAL: '1' });
    teams = await FakeTeams.start(server.url);
  });
  after(async () => {
    await teams?.close();
    await server?.close(1000);
  });

  function citizen(lang: Lang) {
    n += 1;
    const place: Place = { kind: 'personal', conversationId: `a:teams-citizen-${n}` };
    const user: TeamsUser = { id: `29:c${n}`, aadObjectId: `aad-c${n}`, name: 'Innbygger' };
    const send = async (activity: Record<string, unknown>) => {
      const { status, sent } = await teams.send(place, user, { locale: LOCALES[lang], ...activity });
      assert.equal(status, 200);
      for (const call of sent) {
        const shown = call.activity.suggestedActions?.actions.length ?? 0;
        assert.ok(shown <= 3, `Teams would hide some of ${shown} suggested actions: ${FakeTeams.textOf(call).slice(0, 80)}`);
      }
      return sent;
    };
    return { send, say: (text: string) => send({ type: 'message', text }) };
  }

  const lastCard = (sent: ConnectorCall[]) => [...sent].reverse().find((c) => c.activity.attachments?.length)!;

  for (const lang of LANGS) {
    it(`${lang}: the welcome's menu is one card with every choice as its own button, "Snakk med et menneske" among them`, async () => {
      const c = citizen(lang);
      const sent = await c.send({ type: 'conversationUpdate', membersAdded: [{ id: 'someone' }] });
      const menu = lastCard(sent);
      assert.deepEqual(cardTexts(menu.activity), [t(lang, 'welcome.choose')]);
      const buttons = allCardButtons(menu.activity);
      assert.equal(buttons.length, 8);
      assert.ok(buttons.some((b) => b.title === t(lang, 'menu.human')));

      const human = buttons.find((b) => b.title === t(lang, 'menu.human'))!;
      const replies = await c.send({ type: 'message', value: human.data });
      assert.ok(replies.some((r) => FakeTeams.textOf(r).includes(t(lang, 'handoff:consent.askRequest'))), 'pressing it starts the way to a person');
    });
  }

  it('nb: each questionnaire card names its question; a press on an older card is answered kindly and changes nothing', async () => {
    const c = citizen('nb');
    await c.send({ type: 'conversationUpdate', membersAdded: [{ id: 'someone' }] });
    await c.say(t('nb', 'menu.triage'));
    await c.say('Jeg vil ha hjelp til å komme i jobb');
    const situation = lastCard(await c.say('31'));
    const submit = allCardButtons(situation.activity)[0]!;
    assert.equal(submit.data.asked, 'question:situation');
    const [first] = cardChoices(situation.activity);

    const next = lastCard(await c.send({ type: 'message', value: { ...submit.data, answer: first } }));
    const nextAsked = allCardButtons(next.activity)[0]?.data.asked;
    assert.ok(typeof nextAsked === 'string' && nextAsked !== 'question:situation', `a new question comes: ${String(nextAsked)}`);

    const again = await c.send({ type: 'message', value: { ...submit.data, answer: first } });
    assert.equal(FakeTeams.textOf(again[0]!), t('nb', 'triage:card.old'));
    const current = lastCard(again);
    assert.equal(allCardButtons(current.activity)[0]?.data.asked, nextAsked, 'the question we are on is asked again');
    assert.ok(cardTexts(current.activity).some((x) => x.includes(t('nb', questionById(String(nextAsked).slice('question:'.length) as never).textKey).slice(0, 20))));
  });

  it('nb: a questionnaire card pressed after the questionnaire is over is answered kindly and ignored', async () => {
    const c = citizen('nb');
    await c.say(t('nb', 'menu.triage'));
    await c.say('Jeg trenger hjelp');
    const situation = lastCard(await c.say('31'));
    const submit = allCardButtons(situation.activity)[0]!;
    await c.say('avbryt');
    const replies = await c.send({ type: 'message', value: { ...submit.data, answer: cardChoices(situation.activity)[0] } });
    const menu = lastCard(replies);
    assert.deepEqual(cardTexts(menu.activity), [t('nb', 'errors.unknownButton')]);
    assert.ok(allCardButtons(menu.activity).some((b) => b.title === t('nb', 'menu.human')));
  });

  it('nb: the summary to approve keeps its lines in Teams (a card, one text block a line)', async () => {
    const c = citizen('nb');
    await c.say(t('nb', 'menu.human'));
    const sent = await c.say('Jeg trenger hjelp med husleia');
    const summary = sent.find((call) => cardTexts(call.activity).includes(t('nb', 'handoff:render.ownWords')))!;
    const lines = cardTexts(summary.activity);
    assert.equal(lines[0], t('nb', 'handoff:render.heading'));
    assert.ok(lines.includes('«Jeg trenger hjelp med husleia»'), lines.join('\n'));
    assert.ok(lines.every((line) => !line.includes('\n')));
    assert.ok(lines.some((line) => line.startsWith(t('nb', 'handoff:render.footer', { date: '' }).slice(0, 20))));
  });

  it('nb: a summary left in Teams comes with no resume code: Teams knows the person, the chat is there tomorrow', async () => {
    const c = citizen('nb');
    await c.say(t('nb', 'menu.human'));
    await c.say('Jeg trenger hjelp med husleia (Teams)');
    let sent = await c.say(t('nb', 'handoff:consent.buttons.send'));
    if (sent.some((call) => FakeTeams.textOf(call).includes(t('nb', 'handoff:availability.choose')))) sent = await c.say(t('nb', 'handoff:availability.buttons.callback'));
    const texts = sent.map((call) => FakeTeams.textOf(call));
    assert.ok(texts.some((text) => text.includes(t('nb', 'handoff:queue.whileWaiting'))), texts.join(' | '));
    const codeIntro = t('nb', 'handoff:resume.given', { code: '', url: '', days: '' }).slice(0, 30);
    assert.ok(!texts.some((text) => text.includes(codeIntro) || /#kode=/.test(text)), texts.join(' | '));
  });
});
