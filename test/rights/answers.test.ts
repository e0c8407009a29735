import assert from 'node:assert/strict';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { partAnswer, partIds } from '../../core/rights/answer.js';
import { TOPIC_CODES, topicEntry } from '../../core/rights/catalogue.js';
import { formatDate } from '../../core/rights/format.js';
import { partBody, renderPart, renderShort } from '../../dialogs/rights/render.js';
import { t } from '../../dialogs/i18n.js';
import { splitSentences } from './decisionLanguage.js';
import { lix } from './lix.js';

const NBSP = '\u00a0';
const SUMMER_2026 = '2026-06-01';

/** A text that still shows an i18n key or an unfilled {{value}} is broken for the reader. */
function assertRendered(text: string, where: string): void {
  assert.ok(text.trim().length > 0, `${where} is empty`);
  assert.doesNotMatch(text, /rights:|topics\.|\{\{|\}\}/, `${where} shows a raw key or placeholder: ${text}`);
}

describe('rights answers in every language', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      for (const topic of TOPIC_CODES) {
        it(`${topic}: short answer of at most three sentences, then every part with its source and date`, () => {
          const short = renderShort(lang, topic, SUMMER_2026);
          assertRendered(short, `${topic} short`);
          assert.ok(splitSentences(short).length <= 3, `${topic} short answer has more than three sentences: ${short}`);
          assertRendered(t(lang, `rights:topics.${topic}.name`), `${topic} name`);

          const labels = new Set<string>();
          for (const part of partIds(topic)) {
            const answer = partAnswer(topic, part, lang, SUMMER_2026);
            assert.ok(answer);
            const label = t(lang, answer.label.key);
            assertRendered(label, `${topic}.${part} label`);
            labels.add(label.toLowerCase());
            const full = renderPart(lang, topic, part, SUMMER_2026) ?? '';
            assertRendered(full, `${topic}.${part}`);
            for (const source of answer.sources) assert.ok(full.includes(source.url), `${topic}.${part} lacks ${source.url}`);
            assert.ok(full.endsWith(`${formatDate(lang, topicEntry(topic).checked)}.`), `${topic}.${part} does not end with the date checked`);
          }
          assert.equal(labels.size, partIds(topic).length, `${topic} has two parts with the same button text`);
        });
      }
    });
  }

  const minimum: Record<Lang, { before: string; after: string; from: string }> = {
    nb: { before: `265${NBSP}657 kroner`, after: `278${NBSP}697 kroner`, from: 'Tall fra 1. mai 2026' },
    nn: { before: `265${NBSP}657 kroner`, after: `278${NBSP}697 kroner`, from: 'Tal frå 1. mai 2026' },
    en: { before: 'NOK 265,657', after: 'NOK 278,697', from: 'Figures from 1 May 2026' },
  };

  for (const lang of LANGUAGES) {
    it(`${lang}: AAP and KVP amounts use the old G on 30 April 2026 and the new G from 1 May 2026`, () => {
      const expect = minimum[lang];
      for (const [topic, part] of [['AAP', 'amount'], ['KVP', 'amount']] as const) {
        const april = renderPart(lang, topic, part, '2026-04-30') ?? '';
        const may = renderPart(lang, topic, part, '2026-05-01') ?? '';
        assert.ok(april.includes(expect.before), `${topic} on 30 April: ${april}`);
        assert.ok(!april.includes(expect.after));
        assert.ok(may.includes(expect.after), `${topic} on 1 May: ${may}`);
        assert.ok(may.includes(expect.from));
      }
    });

    it(`${lang}: after 1 May 2027 without a new G the amount part sends the reader to nav.no instead`, () => {
      const text = renderPart(lang, 'AAP', 'amount', '2027-05-02') ?? '';
      assert.ok(text.includes('https://www.nav.no/grunnbelopet'), text);
      assert.ok(text.includes(formatDate(lang, '2027-05-01')), text);
      assert.ok(!text.includes(minimum[lang].after), 'an old figure is shown as if it were current');
      assert.doesNotMatch(text, /136[\s\u00a0,]549/);
    });

    it(`${lang}: sosialhjelp guideline rates are shown with their year, and not in a later year`, () => {
      const in2024 = renderPart(lang, 'OKONOMISK_STONAD', 'amount', '2024-03-01') ?? '';
      assert.match(in2024, /7[\s\u00a0,]850/);
      assert.ok(in2024.includes('2024'));
      const now = renderPart(lang, 'OKONOMISK_STONAD', 'amount', '2026-11-26') ?? '';
      assert.doesNotMatch(now, /7[\s\u00a0,]850/);
      assert.ok(now.includes('https://www.nav.no/okonomisk-sosialhjelp'));
    });
  }

  it('gives the phone numbers from data with non-breaking spaces, so they stay on one line', () => {
    const text = renderPart('nb', 'GJELDSRADGIVNING', 'how', SUMMER_2026) ?? '';
    assert.ok(text.includes(`55${NBSP}55${NBSP}33${NBSP}39`), text);
  });

  it('names the § 14 a groups by NAV\'s current names with the legal name beside them', () => {
    const text = renderPart('nb', 'PARAGRAF_14A', 'groups', SUMMER_2026) ?? '';
    for (const line of [
      'Gode muligheter (standard innsats)',
      'Trenger veiledning (situasjonsbestemt innsats)',
      'Trenger veiledning, nedsatt arbeidsevne (spesielt tilpasset innsats)',
      'Jobbe delvis (gradert varig tilpasset innsats)',
      'Liten mulighet til å jobbe (varig tilpasset innsats)',
    ]) {
      assert.ok(text.includes(line), line);
    }
  });

  it('states each klage deadline from data: 3 weeks for § 14 a and sosialhjelp, 6 weeks for AAP', () => {
    assert.match(renderPart('nb', 'PARAGRAF_14A', 'appeal', SUMMER_2026) ?? '', /3 uker/);
    assert.match(renderPart('nb', 'AAP', 'appeal', SUMMER_2026) ?? '', /6 uker/);
    assert.match(renderPart('nn', 'KVP', 'appeal', SUMMER_2026) ?? '', /3 veker/);
    assert.match(renderPart('en', 'OKONOMISK_STONAD', 'appeal', SUMMER_2026) ?? '', /3 weeks/);
    for (const lang of LANGUAGES) assert.ok(renderShort(lang, 'KLAGE', SUMMER_2026).length > 0);
  });
});

describe('plain language: LIX of every bokmål answer part is at most 40', () => {
  for (const today of ['2026-06-01', '2027-06-01']) {
    it(`on ${today} (figures ${today < '2027' ? 'current' : 'out of date'})`, () => {
      const tooHard: string[] = [];
      for (const topic of TOPIC_CODES) {
        const short = lix(renderShort('nb', topic, today));
        if (short.score > 40) tooHard.push(`${topic} short: ${short.score.toFixed(1)}`);
        for (const part of partIds(topic)) {
          const score = lix(partBody('nb', partAnswer(topic, part, 'nb', today)!)).score;
          if (score > 40) tooHard.push(`${topic}.${part}: ${score.toFixed(1)}`);
        }
      }
      assert.deepEqual(tooHard, []);
    });
  }

  it('computes LIX as words per sentence plus the share of long words', () => {
    // 8 words, 2 sentences, 2 words of more than six letters: 8/2 + 100*2/8 = 29
    assert.equal(lix('Jeg har søkt om arbeidsavklaringspenger. Svaret kommer fortløpende.').score, 29);
    assert.equal(lix('Ring 55 55 33 33.').longWords, 0);
  });
});
