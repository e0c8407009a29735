import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { commonParams } from '../../core/rights/answer.js';
import { RIGHTS_DIALOG_ID, RightsDialog } from '../../dialogs/rights/rightsDialog.js';
import { t } from '../../dialogs/i18n.js';
import { renderBrief } from '../../dialogs/rights/render.js';
import type { TopicCode } from '../../core/rights/catalogue.js';
import { buttonsOf, FlowHarness } from './harness.js';

const NBSP = '\u00a0';
// 23:30 in Oslo on 30 April 2026 is still the old G; 00:30 on 1 May is the new one.
const LAST_EVENING_OF_APRIL = new Date('2026-04-30T21:30:00Z');
const FIRST_NIGHT_OF_MAY = new Date('2026-04-30T22:30:00Z');

function harness(lang: Lang, now: Date = new Date('2026-06-01T10:00:00Z')): FlowHarness {
  return new FlowHarness(new RightsDialog({ clock: () => now }), lang);
}

const label = (lang: Lang, topic: string, part: string) => t(lang, `rights:topics.${topic}.parts.${part}.label`);

describe('rights dialog', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it('opens a topic asked without a point with the short answer and its three likeliest parts, a person and the menu', async () => {
        const h = harness(lang);
        const [reply, extra] = await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
        assert.equal(extra, undefined, 'one message, not several');
        assert.ok(reply?.text?.startsWith(t(lang, 'rights:topics.AAP.short')), reply?.text);
        assert.deepEqual(buttonsOf(reply), [
          ...['amount', 'who'].map((p) => label(lang, 'AAP', p)),
          t(lang, 'rights:topics.AAP.selfCheckLabel'),
          t(lang, 'menu.human'),
          t(lang, 'rights:ui.backToMenu'),
        ]);
        assert.deepEqual(h.data.topicsExplained, ['AAP']);
        assert.equal(h.last.status, DialogTurnStatus.waiting);
      });

      it('shows a part briefly when its button is pressed, with the figure for the date, its source and date checked', async () => {
        const h = harness(lang, FIRST_NIGHT_OF_MAY);
        await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
        const [reply] = await h.send(label(lang, 'AAP', 'amount'));
        const text = reply?.text ?? '';
        assert.ok(text.includes(lang === 'en' ? 'NOK 278,697' : `278${NBSP}697`), text);
        assert.ok(text.includes('https://lovdata.no/lov/1997-02-28-19/§11-20'));
        assert.ok(text.includes(t(lang, 'rights:ui.source', { sources: '', checked: '' }).split(':')[0] as string));
        assert.ok(!buttonsOf(reply).includes(label(lang, 'AAP', 'amount')), 'the part just shown is not offered again');
        assert.equal(buttonsOf(reply)[0], t(lang, 'rights:ui.showMore'));
        assert.ok(buttonsOf(reply).length <= 5, 'at most three next points, a person and the menu');
        assert.equal(h.last.unhandled, false);
      });

      it('gives the whole part on «Vis mer»: every figure and every source', async () => {
        const h = harness(lang, FIRST_NIGHT_OF_MAY);
        await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
        await h.send(label(lang, 'AAP', 'amount'));
        const [more] = await h.send(t(lang, 'rights:ui.showMore'));
        const text = more?.text ?? '';
        assert.ok(text.includes(lang === 'en' ? 'NOK 136,549' : `136${NBSP}549`), 'the G itself, only in the details');
        assert.ok(text.includes('https://www.nav.no/grunnbelopet'), text);
        assert.ok(!buttonsOf(more).includes(t(lang, 'rights:ui.showMore')));
      });

      it('uses the G in force on the injected date: 30 April 2026 is still the old figure', async () => {
        const h = harness(lang, LAST_EVENING_OF_APRIL);
        await h.begin(RIGHTS_DIALOG_ID, { topic: 'KVP' });
        const [reply] = await h.send(label(lang, 'KVP', 'amount'));
        assert.ok((reply?.text ?? '').includes(lang === 'en' ? 'NOK 265,657' : `265${NBSP}657`), reply?.text);
      });

      it('leaves text that is none of its choices to the root, and asks again when told to', async () => {
        const h = harness(lang);
        await h.begin(RIGHTS_DIALOG_ID, { topic: 'PARAGRAF_14A' });
        const replies = await h.send('xyzzy plugh');
        assert.deepEqual(replies, []);
        assert.equal(h.last.unhandled, true);
        assert.equal(h.last.status, DialogTurnStatus.waiting);
        const [again] = await h.reprompt();
        assert.equal(again?.text, t(lang, 'rights:ui.moreQuestion', { topic: t(lang, 'rights:topics.PARAGRAF_14A.inSentence') }));
        assert.ok(buttonsOf(again).includes(label(lang, 'PARAGRAF_14A', 'groups')));
      });

      it('ends with { next: "menu" } on "back to the menu"', async () => {
        const h = harness(lang);
        await h.begin(RIGHTS_DIALOG_ID, { topic: 'GJELDSRADGIVNING' });
        await h.send(t(lang, 'rights:ui.backToMenu'));
        assert.equal(h.last.status, DialogTurnStatus.complete);
        assert.deepEqual(h.last.result, { next: 'menu' });
      });

      it('opens straight at a part when asked to, e.g. from a triage result', async () => {
        const h = harness(lang);
        const [reply] = await h.begin(RIGHTS_DIALOG_ID, { topic: 'KLAGE', part: 'deadlines' });
        assert.ok((reply?.text ?? '').startsWith(t(lang, 'rights:topics.KLAGE.parts.deadlines.text', commonParams(lang, '2026-06-01'))), reply?.text);
        assert.deepEqual(h.data.topicsExplained, ['KLAGE']);
      });
    });
  }

  const freeText: { lang: Lang; topic: string; text: string; part: string }[] = [
    { lang: 'nb', topic: 'AAP', text: 'hvor lenge kan jeg ha det?', part: 'duration' },
    { lang: 'nb', topic: 'AAP', text: 'Hvordan søker jeg', part: 'apply' },
    { lang: 'nb', topic: 'OKONOMISK_STONAD', text: 'hvor mye blir det', part: 'amount' },
    { lang: 'nb', topic: 'KVP', text: 'jeg er uenig i vedtaket', part: 'appeal' },
    { lang: 'nn', topic: 'AAP', text: 'kor mykje kan eg få', part: 'amount' },
    { lang: 'nn', topic: 'PARAGRAF_14A', text: 'kva er ei aktivitetsplan', part: 'plan' },
    { lang: 'en', topic: 'AAP', text: 'how do I apply?', part: 'apply' },
    { lang: 'en', topic: 'OTHER_BENEFIT', text: 'I lost my job', part: 'dagpenger' },
  ];
  for (const c of freeText) {
    it(`${c.lang}: free text «${c.text}» in ${c.topic} shows the ${c.part} part`, async () => {
      const h = harness(c.lang);
      await h.begin(RIGHTS_DIALOG_ID, { topic: c.topic });
      const [reply] = await h.send(c.text);
      assert.equal(h.last.unhandled, false);
      const firstSentence = renderBrief(c.lang, c.topic as TopicCode, [c.part], '2026-06-01')?.body.split(/[.!?:]/)[0] as string;
      assert.ok((reply?.text ?? '').startsWith(firstSentence), reply?.text);
    });
  }

  it('leaves a question about another topic to the root ("hvordan søker jeg sosialhjelp" while in AAP)', async () => {
    const h = harness('nb');
    await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
    assert.deepEqual(await h.send('hvordan søker jeg sosialhjelp'), []);
    assert.equal(h.last.unhandled, true);
  });

  it('records each topic once, in the order explained', async () => {
    const h = harness('nb');
    await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
    await h.send(t('nb', 'rights:ui.backToMenu'));
    await h.begin(RIGHTS_DIALOG_ID, { topic: 'KVP' });
    await h.send(t('nb', 'rights:ui.backToMenu'));
    await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
    assert.deepEqual(h.data.topicsExplained, ['AAP', 'KVP']);
  });

  it('ends at once, without a word, for an unknown topic code', async () => {
    const h = harness('nb');
    assert.deepEqual(await h.begin(RIGHTS_DIALOG_ID, { topic: 'NOPE' }), []);
    assert.equal(h.last.status, DialogTurnStatus.complete);
  });

  it('in Teams, where only three quick replies show, offers the choices as a card that works by submit', async () => {
    const h = new FlowHarness(new RightsDialog({ clock: () => new Date('2026-06-01T10:00:00Z') }), 'nb', 'msteams');
    const [reply] = await h.begin(RIGHTS_DIALOG_ID, { topic: 'AAP' });
    const card = reply?.attachments?.[0]?.content as { body: { type: string; choices?: { value: string }[] }[]; actions: { type: string; data: unknown }[] };
    assert.ok(card, 'an Adaptive Card');
    const choices = card.body.find((b) => b.type === 'Input.ChoiceSet')?.choices?.map((c) => c.value);
    assert.ok(choices?.includes(label('nb', 'AAP', 'amount')));
    assert.ok(choices?.includes(t('nb', 'rights:ui.backToMenu')));
    assert.ok(card.actions.every((a) => a.type === 'Action.Submit'), 'Action.Submit only (Web Chat ignores Action.Execute)');
    assert.deepEqual(card.actions[1]?.data, { verb: 'menu', action: 'human' });
    const [part] = await h.submit({ verb: 'rights', choice: label('nb', 'AAP', 'apply') });
    assert.ok(part?.attachments?.[0], 'the part comes with the card again');
    const body = (part?.attachments?.[0]?.content as { body: { text?: string }[] }).body[0]?.text ?? '';
    assert.ok(body.startsWith('Du søker på nav.no/aap.'), body);
  });
});
