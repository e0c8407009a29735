import assert from 'node:assert/strict';
import { LANGUAGES } from '../../core/language.js';
import { FLAGS, LEVELS, REASON_CODES, questionBank } from '../../core/triage/index.js';
import { hasText, t, tList } from '../../dialogs/i18n.js';
import { loadLocaleResources } from '../../dialogs/i18n.js';

/** Sentences that read as a decision about the user's own case (house rule). */
const DECISION_LANGUAGE = [
  /\bdu har rett (på|til)\b/i, /\bdu får\b/i, /\bdu vil få\b/i, /\binnvilg(et|a|ast)\b/i, /\bdu kjem til å få\b/i,
  /\byou are entitled\b/i, /\byou will (get|receive)\b/i, /\byou qualify\b/i, /\bgranted\b/i,
];

function leaves(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (Array.isArray(tree)) return tree.flatMap(leaves);
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(leaves);
  return [];
}

describe('triage texts', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it('has a question text and a summary label for every question, and a label for every option', () => {
        for (const q of questionBank().questions) {
          assert.ok(hasText(lang, q.textKey), `${lang} ${q.textKey}`);
          assert.ok(hasText(lang, q.labelKey), `${lang} ${q.labelKey}`);
          for (const code of q.codes ?? []) assert.ok(hasText(lang, `${q.optionKeyPrefix}.${code}`), `${lang} ${q.id}.${code}`);
        }
      });

      it('has a "because you said" sentence for every reason code', () => {
        for (const code of REASON_CODES) assert.ok(hasText(lang, `triage:reasons.${code}`), `${lang} reason ${code}`);
      });

      it('names every level by its current name with the legal name beside it, and what it usually means', () => {
        const legal = { STANDARD_INNSATS: /standard innsats/, SITUASJONSBESTEMT_INNSATS: /situasjonsbestemt innsats/, SPESIELT_TILPASSET_INNSATS: /spesielt tilpass(et|a) innsats/, VARIG_TILPASSET_INNSATS: /varig tilpass(et|a) innsats/ };
        for (const level of LEVELS) {
          assert.ok(t(lang, `triage:levels.${level}.name`).length > 3);
          assert.match(t(lang, `triage:levels.${level}.legal`), legal[level]);
          assert.ok(t(lang, `triage:levels.${level}.meaning`).length > 40);
        }
        assert.match(t(lang, 'triage:result.jobbeDelvis'), /Jobbe delvis/);
      });

      it('says it is an indication, that a veileder decides, klage within 3 weeks, and redone when things change', () => {
        const appeal = t(lang, 'triage:result.appeal', { klage14a: '3' });
        const text = `${t(lang, 'triage:result.indication')} ${appeal}`;
        // Right after "this is not a vedtak", the appeal must speak of the vedtak that comes later, not of this.
        assert.match(appeal, lang === 'en' ? /^When you later get the decision from Nav/ : lang === 'nb' ? /^Når du senere får vedtaket fra Nav/ : /^Når du seinare får vedtaket frå Nav/);
        assert.match(text, lang === 'en' ? /not a decision/ : /ikk(j)?e ei?t vedtak/);
        assert.match(text, /14 a/);
        assert.match(text, lang === 'en' ? /3 weeks/ : /3 (uker|veker)/);
        assert.match(text, lang === 'en' ? /situation changes/ : /situasjonen din endr(er|ar) seg/);
      });

      it('has texts for the flags shown before everything else', () => {
        // The same-day help itself (with its hours and numbers) came when the answer was given; the result points back to it.
        for (const flag of ['URGENT_MONEY', 'URGENT_HOUSING'] as const) assert.ok(t(lang, `triage:flagNotes.${flag}`).length > 40);
        for (const flag of FLAGS) assert.ok(hasText(lang, `triage:reasons.${flag}`));
      });

      it('has free-text words for yes, no, don’t know, skip, back and done', () => {
        for (const list of ['yes', 'no', 'dontKnow', 'skip', 'back', 'done', 'change', 'showResult']) {
          assert.ok(tList(lang, `triage:words.${list}`).length >= 3, `${lang} words.${list}`);
        }
      });

      it('never reads as a decision about the user’s own case', () => {
        for (const text of leaves(loadLocaleResources()[lang]?.triage)) {
          for (const pattern of DECISION_LANGUAGE) assert.doesNotMatch(text, pattern);
        }
      });
    });
  }

  it('uses nynorsk in nn, not bokmål', () => {
    const nn = leaves(loadLocaleResources().nn?.triage).join(' ');
    for (const bokmal of [/\bikke\b/, /\bhva\b/, /\bhvordan\b/, /\bjeg\b/, /\bveileder\b/]) {
      const hits = nn.match(new RegExp(bokmal.source, 'g')) ?? [];
      // "veileder" is allowed only as a typed synonym (people write it in nynorsk chats too).
      assert.ok(hits.length <= (bokmal.source.includes('veileder') ? 1 : 0), `bokmål ${bokmal} in nn: ${hits.length}`);
    }
  });
});
