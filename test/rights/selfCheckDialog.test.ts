import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { RIGHTS_DIALOG_ID, RightsDialog } from '../../dialogs/rights/rightsDialog.js';
import { matchSelfCheckAnswer, SELF_CHECK_DIALOG_ID, SelfCheckDialog } from '../../dialogs/rights/selfCheckDialog.js';
import { t } from '../../dialogs/i18n.js';
import { findDecisionLanguage } from './decisionLanguage.js';
import { buttonsOf, FlowHarness, textOf } from './harness.js';

const clock = () => new Date('2026-06-01T10:00:00Z');

describe('self-check for AAP and KVP', () => {
  it('nb: from the AAP answer, four yes answers say AAP may fit, that NAV decides, and how to apply', async () => {
    const h = new FlowHarness(new RightsDialog({ clock }), 'nb');
    await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
    const start = await h.send(t('nb', 'rights:topics.AAP.selfCheckLabel'));
    assert.equal(start.length, 2);
    assert.match(start[0]?.text ?? '', /4 korte spørsmål/);
    assert.equal(start[1]?.text, `Spørsmål 1 av 4: ${t('nb', 'rights:selfcheck.AAP.age.question')}`);
    assert.deepEqual(buttonsOf(start[1]), ['Ja', 'Nei', 'Vet ikke', t('nb', 'menu.human')]);
    await h.send('Ja');
    await h.send('ja');
    await h.send('JA!');
    const end = await h.send('ja det stemmer');
    const text = textOf(end);
    assert.ok(text.includes('Ut fra svarene dine kan arbeidsavklaringspenger (AAP) passe for deg.'), text);
    assert.ok(text.includes(t('nb', 'rights:selfcheck.result.decides')));
    assert.ok(text.includes('nav.no/aap'));
    // Back in the AAP topic, with its buttons again.
    assert.equal(end.at(-1)?.text, t('nb', 'rights:ui.moreQuestion', { topic: 'arbeidsavklaringspenger (AAP)' }));
    assert.equal(h.last.status, DialogTurnStatus.waiting);
  });

  it('nn: a "nei" to reduced work ability gives "truleg ikkje" with that reason, and points to a rettleiar', async () => {
    const h = new FlowHarness(new SelfCheckDialog(), 'nn');
    await h.begin(SELF_CHECK_DIALOG_ID, { topic: 'AAP' });
    await h.send('ja');
    await h.send('nei');
    await h.send('veit ikkje');
    const text = textOf(await h.send('ja'));
    assert.ok(text.includes('passar arbeidsavklaringspengar (AAP) truleg ikkje'), text);
    assert.ok(text.includes('evna di til å jobbe ikkje er minst halvert'), text);
    assert.ok(text.includes(t('nn', 'rights:selfcheck.result.otherHelp')));
    assert.equal(h.last.status, DialogTurnStatus.complete);
  });

  it('en: KVP with other NAV money names that as the reason, with two reasons joined by "and"', async () => {
    const h = new FlowHarness(new SelfCheckDialog(), 'en');
    await h.begin(SELF_CHECK_DIALOG_ID, { topic: 'KVP' });
    const replies = [];
    for (const answer of ['Yes', 'yes', 'YES', 'No', 'yes please']) replies.push(...(await h.send(answer)));
    assert.equal(h.last.status, DialogTurnStatus.complete);
    const result = replies.at(-1)?.text ?? '';
    assert.ok(result.includes('KVP is for people with little or no money from Nav and you do not need close follow-up over a long time'), result);
    assert.ok(result.includes('This is not a decision.'));
  });

  it('leaves an answer it does not understand to the root, then asks the same question again', async () => {
    const h = new FlowHarness(new SelfCheckDialog(), 'nb');
    await h.begin(SELF_CHECK_DIALOG_ID, { topic: 'KVP' });
    await h.send('ja');
    assert.deepEqual(await h.send('hva er kvalifiseringsstønad'), []);
    assert.equal(h.last.unhandled, true);
    const [again] = await h.reprompt();
    assert.equal(again?.text, `Spørsmål 2 av 5: ${t('nb', 'rights:selfcheck.KVP.reduced.question')}`);
  });

  it('reads free-text answers in all three languages without mistaking "vet ikke" for "nei"', () => {
    const cases: [Lang, string, string | undefined][] = [
      ['nb', 'Vet ikke', 'unknown'],
      ['nb', 'vet ikke helt', 'unknown'],
      ['nb', 'nei, det gjør jeg ikke', 'no'],
      ['nb', 'jepp', 'yes'],
      ['nn', 'veit ikkje', 'unknown'],
      ['nn', 'Nei takk', 'no'],
      ['en', "don't know", 'unknown'],
      ['en', 'yes I am', 'yes'],
      ['en', 'what is this', undefined],
    ];
    for (const [lang, text, expected] of cases) assert.equal(matchSelfCheckAnswer(lang, text), expected, `${lang} «${text}»`);
  });

  it('never words a result as a decision, in any language or outcome', async () => {
    for (const lang of ['nb', 'nn', 'en'] as Lang[]) {
      for (const answers of [['ja', 'ja', 'ja', 'ja'], ['nei', 'nei', 'nei', 'nei'], ['vet ikke', 'ja', 'ja', 'ja']]) {
        const h = new FlowHarness(new SelfCheckDialog(), lang);
        await h.begin(SELF_CHECK_DIALOG_ID, { topic: 'AAP' });
        const words = { ja: t(lang, 'rights:selfcheck.yes'), nei: t(lang, 'rights:selfcheck.no'), 'vet ikke': t(lang, 'rights:selfcheck.unknown') };
        let last = '';
        for (const a of answers) last = textOf(await h.send(words[a as keyof typeof words]));
        assert.ok(last.includes(t(lang, 'rights:selfcheck.result.decides')), last);
        assert.deepEqual(findDecisionLanguage(last), []);
      }
    }
  });
});
