import assert from 'node:assert/strict';
import { LANGUAGES } from '../../core/language.js';
import { partIds } from '../../core/rights/answer.js';
import { TOPIC_CODES, partEntry } from '../../core/rights/catalogue.js';
import { factor } from '../../core/rights/figures.js';
import { groupFigures } from '../../core/rights/figureGroups.js';
import { SITUATIONS } from '../../core/rights/points.js';
import { renderBrief, wordCount } from '../../dialogs/rights/render.js';
import { lix } from './lix.js';

const TODAY = '2026-12-02';

describe('rights: brief first-reply answers', () => {
  it('every part, alone and for each situation it has a figure for, is at most 60 words in every language', () => {
    const long: string[] = [];
    for (const lang of LANGUAGES) {
      for (const topic of TOPIC_CODES) {
        for (const part of partIds(topic)) {
          for (const situation of [undefined, ...(partEntry(topic, part)?.situations ?? [])]) {
            const reply = renderBrief(lang, topic, [part], TODAY, situation);
            assert.ok(reply, `${lang} ${topic}.${part}`);
            assert.doesNotMatch(reply.text, /rights:|\{\{|\}\}/, `${lang} ${topic}.${part} shows a raw key: ${reply.text}`);
            if (wordCount(reply.body) > 60) long.push(`${lang} ${topic}.${part}${situation ? ` (${situation})` : ''}: ${wordCount(reply.body)}`);
          }
        }
      }
    }
    assert.deepEqual(long, []);
  });

  it('is plain bokmål: LIX at most 40 for every brief answer and figure line, with figures current and out of date', () => {
    const hard: string[] = [];
    for (const today of [TODAY, '2027-06-01']) {
      for (const topic of TOPIC_CODES) {
        for (const part of partIds(topic)) {
          for (const situation of [undefined, ...SITUATIONS]) {
            const body = renderBrief('nb', topic, [part], today, situation)?.body ?? '';
            const score = lix(body).score;
            if (score > 40) hard.push(`${today} ${topic}.${part}${situation ? ` (${situation})` : ''}: ${score.toFixed(1)}`);
          }
        }
      }
    }
    assert.deepEqual([...new Set(hard)], []);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: the figures in the brief answers are the ones computed from data/rights for the date`, () => {
      const aap = groupFigures('AAP_RATES', lang, TODAY).params;
      const kvp = groupFigures('KVP_RATES', lang, TODAY).params;
      const child = groupFigures('AAP_CHILD', lang, TODAY).params;
      const kvpChild = groupFigures('KVP_CHILD', lang, TODAY).params;
      const has = (text: string | undefined, value: string | undefined, what: string) => assert.ok(value && text?.includes(value), `${what}: ${value} not in ${text}`);
      has(renderBrief(lang, 'AAP', ['amount'], TODAY)?.body, aap.min, 'AAP lowest');
      has(renderBrief(lang, 'AAP', ['amount'], TODAY)?.body, aap.max, 'AAP highest');
      has(renderBrief(lang, 'AAP', ['amount'], TODAY, 'under25')?.body, aap.minUnder25, 'AAP under 25');
      has(renderBrief(lang, 'AAP', ['amount'], TODAY, 'children')?.body, child.perDay, 'AAP barnetillegg');
      has(renderBrief(lang, 'KVP', ['amount'], TODAY)?.body, kvp.full, 'KVP full');
      has(renderBrief(lang, 'KVP', ['amount'], TODAY, 'under25')?.body, kvp.under25, 'KVP under 25');
      has(renderBrief(lang, 'KVP', ['amount'], TODAY, 'children')?.body, kvpChild.perDay, 'KVP barnetillegg');
      const weeks = (id: string) => String(factor(id));
      has(renderBrief(lang, 'AAP', ['appeal'], TODAY)?.body, weeks('KLAGE_WEEKS_FTRL'), 'AAP appeal weeks');
      has(renderBrief(lang, 'KVP', ['appeal'], TODAY)?.body, weeks('KLAGE_WEEKS_SOCIAL'), 'KVP appeal weeks');
      has(renderBrief(lang, 'OKONOMISK_STONAD', ['appeal'], TODAY)?.body, weeks('KLAGE_WEEKS_SOCIAL'), 'sosialhjelp appeal weeks');
      has(renderBrief(lang, 'PARAGRAF_14A', ['appeal'], TODAY)?.body, weeks('KLAGE_WEEKS_14A'), '14 a appeal weeks');
      const deadlines = renderBrief(lang, 'KLAGE', ['deadlines'], TODAY)?.body;
      for (const id of ['KLAGE_WEEKS_FTRL', 'KLAGE_WEEKS_14A', 'KLAGE_WEEKS_SOCIAL']) has(deadlines, weeks(id), id);
    });
  }

  it('ends the brief answer with the rule it rests on and the date checked (AAP amount: folketrygdloven § 11-20)', () => {
    const text = renderBrief('nb', 'AAP', ['amount'], TODAY, 'under25')?.text ?? '';
    assert.ok(text.includes('https://lovdata.no/lov/1997-02-28-19/§11-20'), text);
    assert.match(text, /Sist sjekket \d+\. \p{L}+ \d{4}\.$/u);
  });

  it('shows no figure after 1 May 2027 without a new G, and says where to look', () => {
    const text = renderBrief('en', 'AAP', ['amount'], '2027-05-02', 'under25')?.body ?? '';
    assert.ok(text.includes('https://www.nav.no/grunnbelopet'), text);
    assert.doesNotMatch(text, /185,798/);
  });
});
