import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { factor } from '../../core/rights/figures.js';
import { loadLocaleResources, t } from '../../dialogs/i18n.js';
import { renderPart } from '../../dialogs/rights/render.js';
import { crisisText } from '../../dialogs/root/crisis.js';

const TODAY = '2026-12-03';
const readJson = <T>(path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;
const sources = readJson<{ sources: Record<string, { url: string; read: string }> }>('data/rights/sources.json').sources;
const topics = readJson<{ topics: Record<string, { parts: { id: string; sources: string[] }[] }> }>('data/rights/topics.json').topics;
const figures = readJson<{ factors: Record<string, { value: number; source: string; ref: string }> }>('data/rights/figures.json').factors;

const part = (lang: Lang, topic: string, id: string) => renderPart(lang, topic as never, id, TODAY) ?? '';
const sourcesOf = (topic: string, id: string) => topics[topic]?.parts.find((p) => p.id === id)?.sources ?? [];
/** A content point counts only if the source it rests on says what was read and when. */
function assertDated(id: string): void {
  assert.ok(sources[id], `source ${id} in data/rights/sources.json`);
  assert.match(sources[id]?.read ?? '', /\b20\d\d-\d\d-\d\d\b/, `source ${id} says when it was read`);
}

describe('content points of the issue 18 review, each with its source and date', () => {
  for (const lang of LANGUAGES) {
    const must = { nb: /skal Nav som hovedregel stille krav om aktivitet/, nn: /skal Nav som hovudregel stille krav om aktivitet/, en: /Nav must as a rule set a condition/ }[lang];

    it(`${lang}: sosialtjenesteloven § 20 a is a duty for those under 30, not a "can"`, () => {
      const text = part(lang, 'OKONOMISK_STONAD', 'who');
      assert.match(text, must, text);
      assert.match(text, /under 30/);
      assert.match(text, /20 a/);
      assert.doesNotMatch(text, /kan Nav (som hovedregel )?stille krav|Nav can set/);
      assert.ok(sourcesOf('OKONOMISK_STONAD', 'who').includes('sotjl20a'));
      assertDated('sotjl20a');
    });

    it(`${lang}: the ungdomsgaranti is for those under 30`, () => {
      const text = part(lang, 'PARAGRAF_14A', 'plan');
      assert.match(text, /under 30/, text);
      assert.match(text, /ungdomsgaranti|youth guarantee/);
      assert.match(t(lang, 'triage:flagNotes.UNGDOMSGARANTI'), /under 30/);
      assertDated('navUngdomsgarantien');
    });

    it(`${lang}: gjeldsordning is a settlement under the law after which the rest is written off`, () => {
      const text = part(lang, 'GJELDSRADGIVNING', 'what');
      const [byLaw, writtenOff]: [RegExp, RegExp] = {
        nb: [/ordning etter loven/, /resten av gjelden slettet/] as [RegExp, RegExp],
        nn: [/ordning etter lova/, /resten av gjelda sletta/] as [RegExp, RegExp],
        en: [/scheme set by law/, /rest of the debt is written off/] as [RegExp, RegExp],
      }[lang];
      assert.match(text, byLaw, text);
      assert.match(text, writtenOff);
      assert.doesNotMatch(text, /nedbetalingsavtale|repayment agreement/i);
      assertDated('navGjeld');
    });

    it(`${lang}: the KVP appeal rests on sosialtjenesteloven § 47, not § 29`, () => {
      const text = part(lang, 'KVP', 'appeal');
      assert.ok(text.includes(sources.sotjl47?.url ?? '\0'), text);
      assert.ok(text.includes(t(lang, 'rights:sources.sotjl47')), text);
      // § 29 of the Public Administration Act (the deadline) is right; § 29 of the Social Services Act is who gets KVP.
      assert.doesNotMatch(text, /(Sosialtjenesteloven|Sosialtenestelova|Social Services Act),? (§|section) 29\b/i);
      assert.ok(sourcesOf('KVP', 'appeal').includes('sotjl47'));
      assert.ok(!Object.values(topics).some((topic) => topic.parts.some((p) => p.sources.includes('sotjl29'))), 'no part cites § 29');
      assertDated('sotjl47');
    });

    it(`${lang}: sykepenger last at most 248 days (52 weeks), figures from data`, () => {
      const text = part(lang, 'OTHER_BENEFIT', 'sykepenger');
      assert.match(text, lang === 'en' ? /at most 248 days\. That is 52 weeks\./ : /i (høyst|høgst) 248 (dager|dagar)\. Det er 52 (uker|veker)\./, text);
      assert.equal(factor('SYKEPENGER_MAX_DAYS'), 248);
      assert.equal(figures.SYKEPENGER_MAX_DAYS?.source, 'ftrl8_12');
      assert.ok(text.includes(sources.ftrl8_12?.url ?? '\0'));
      assertDated('ftrl8_12');
    });

    it(`${lang}: the violence answers name Vold- og overgrepslinjen 116 006 and the krisesenter`, () => {
      for (const text of [crisisText(lang, 'violence'), t(lang, 'rights:emergency.openElsewhere')]) {
        assert.match(text, /116[ \u00a0]006/, text);
        assert.match(text, /krisesenter/i);
        assert.match(text, /Vold- og overgrepslinjen|Vald- og overgrepslinja|violence and abuse line|Vold- og overgrepslinjen \(violence and abuse\)/);
      }
    });

    it(`${lang}: the office answer links to the current office search, not nav.no/person/kontakt-oss`, () => {
      const office = t(lang, 'handoff:availability.office');
      assert.ok(office.includes(sources.navKontor?.url.replace('https://www.', '') ?? '\0'), office);
      const all = JSON.stringify(loadLocaleResources()[lang]);
      assert.doesNotMatch(all, /nav\.no\/person\/kontakt-oss/);
    });
  }
});
