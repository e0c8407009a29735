import assert from 'node:assert/strict';
import { LANGUAGES, type Lang } from '../core/language.js';
import { TOPIC_CODES } from '../core/rights/catalogue.js';
import { loadLocaleResources, t } from '../dialogs/i18n.js';

/**
 * The texts the bot writes: every string leaf outside arrays. Arrays in the locale files are the
 * words users may type (synonyms, yes/no words), where other spellings are wanted.
 */
function writtenTexts(lang: Lang): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push([path, node]);
    else if (node && typeof node === 'object' && !Array.isArray(node)) for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  for (const [ns, tree] of Object.entries(loadLocaleResources()[lang] ?? {})) walk(tree, `${ns}:`);
  return out;
}

function offending(lang: Lang, pattern: RegExp): string[] {
  return writtenTexts(lang).flatMap(([path, text]) => [...text.matchAll(pattern)].map((m) => `${path} «${m[0]}»`));
}

describe('wording', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: "Nav" in running text; "NAV" only in the law's name (NAV-loven, as Lovdata writes it)`, () => {
      assert.deepEqual(offending(lang, /\bNAV\b(?!-loven|-lova| Act\b)/g), []);
    });
  }

  describe('nynorsk: one form of each word across the nn texts', () => {
    const CHOSEN: [RegExp, string][] = [
      [/(?<![\p{L}])også(?![\p{L}])/giu, 'òg'],
      [/(?<![\p{L}])ueinig(?![\p{L}])/giu, 'usamd'],
      [/(?<![\p{L}])born(a|et|e)?(?![\p{L}])/giu, 'barn'],
      [/(?<![\p{L}])døger(et)?(?![\p{L}])/giu, 'døgn'],
      [/rådgjev(ing|ar|aren|arar)/giu, 'rådgiving, rådgivar'],
      [/(?<![\p{L}])svarer(?![\p{L}])/giu, 'svarar'],
      [/(?<![\p{L}])godkjend(?![\p{L}])/giu, 'godkjent'],
      [/(?<![\p{L}])(er|blir|vart|Blir)( ikkje)? send(?![\p{L}])/gu, 'sendt (er sendt, blir sendt)'],
      [/(?<![\p{L}])henne(?![\p{L}])/giu, 'ho, also as object'],
      [/(?<![\p{L}_])(ikke|hva|hvordan|hvis|jeg|veileder(e|en)?)(?![\p{L}_])/giu, 'nynorsk, not bokmål (ikkje, kva, korleis, viss, eg, rettleiar)'],
    ];
    for (const [pattern, chosen] of CHOSEN) {
      it(`uses ${chosen}`, () => assert.deepEqual(offending('nn', pattern), []));
    }

    it('the chosen forms are the ones in use', () => {
      const all = writtenTexts('nn').map(([, text]) => text).join('\n');
      for (const word of ['òg', 'usamd', 'barn', 'døgnet', 'rådgiving', 'rettleiar', 'svarar', 'godkjent', 'sendt']) assert.ok(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(all), word);
    });
  });

  describe('English', () => {
    const AVOID: [RegExp, string][] = [
      [/\badvisors?\b/gi, '"adviser", as everywhere else'],
      [/\bchat robot\b/gi, '"chatbot"'],
      [/\bpress (a|one of the) choices?\b/gi, '"choose an option"'],
      [/\bgo on where\b/gi, '"continue where you left off"'],
    ];
    for (const [pattern, instead] of AVOID) {
      it(`writes ${instead}`, () => assert.deepEqual(offending('en', pattern), []));
    }
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: a topic named inside a sentence reads as part of it, not as its pasted title`, () => {
      for (const topic of TOPIC_CODES) {
        const title = t(lang, `rights:topics.${topic}.name`);
        const inSentence = t(lang, `rights:topics.${topic}.inSentence`);
        assert.match(inSentence, /^(\p{Ll}|[A-Z]{2,}\b)/u, `${topic}: «${inSentence}» starts in lower case`);
        const question = t(lang, 'rights:ui.moreQuestion', { topic: inSentence });
        assert.ok(!question.includes(title), `${topic}: ${question}`);
      }
      if (lang === 'en') assert.equal(t('en', 'rights:ui.moreQuestion', { topic: t('en', 'rights:topics.KLAGE.inSentence') }).split('?')[0], 'What else would you like to know about appealing a decision');
    });
  }
});
