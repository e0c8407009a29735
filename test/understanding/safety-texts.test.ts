import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LANGUAGES } from '../../core/language.js';
import { crisisAnswer } from '../../core/safety/index.js';
import { loadLocaleResources, t } from '../../dialogs/i18n.js';
import { crisisText } from '../../dialogs/root/crisis.js';

interface Helplines {
  lines: { id: string; number: string }[];
  answers: Record<'self_harm' | 'violence', string[]>;
}
const helplines = JSON.parse(readFileSync(new URL('../../data/safety/helplines.json', import.meta.url), 'utf8')) as Helplines;
const numberOf = (id: string): string => helplines.lines.find((l) => l.id === id)?.number ?? `missing ${id}`;

const KEYS = ['safety:self_harm', 'safety:violence', 'safety:offerVeileder', 'safety:continue', 'safety:buttons.veileder', 'safety:buttons.continue'];

describe('crisis answers (locales/*/safety.json)', () => {
  for (const lang of LANGUAGES) {
    it(`has every text in ${lang}`, () => {
      for (const key of KEYS) {
        const text = t(lang, key);
        assert.ok(text && text !== key && !text.startsWith('safety:'), `${lang} ${key}`);
      }
    });

    for (const kind of ['self_harm', 'violence'] as const) {
      it(`gives every help line for ${kind} in ${lang}, the most urgent first`, () => {
        const text = crisisText(lang, kind);
        const ids = helplines.answers[kind];
        for (const id of ids) assert.ok(text.includes(numberOf(id)), `${lang} ${kind} lacks ${numberOf(id)}`);
        const first = text.indexOf(numberOf(ids[0] ?? ''));
        for (const id of ids.slice(1)) assert.ok(first <= text.indexOf(numberOf(id)), `${numberOf(ids[0] ?? '')} should come first`);
      });

      it(`keeps the ${kind} answer short enough to read in a crisis (${lang})`, () => {
        assert.ok(crisisText(lang, kind).split(/\s+/).length <= 90, `${crisisText(lang, kind).split(/\s+/).length} words`);
      });
    }
  }

  it('names only keys that exist, help lines first, in every language', () => {
    for (const kind of ['self_harm', 'violence'] as const) {
      const answer = crisisAnswer(kind);
      assert.equal(answer.messages[0], `safety:${kind}`);
      for (const lang of LANGUAGES) {
        for (const key of [...answer.messages, answer.buttons.veileder, answer.buttons.continue]) {
          assert.notEqual(t(lang, key), key, `${lang} ${key}`);
        }
      }
    }
  });

  it('covers all the numbers the spec requires', () => {
    const all = [...helplines.answers.self_harm, ...helplines.answers.violence].map(numberOf);
    for (const n of ['113', '116 123', '22 40 00 40', '116 117', '112', '116 111', '116 006']) assert.ok(all.includes(n), n);
  });

  it('names Vold- og overgrepslinjen, the krisesenter and Alarmtelefonen in the violence answer', () => {
    for (const lang of LANGUAGES) {
      const text = crisisText(lang, 'violence');
      for (const part of ['116 006', 'krisesenter', 'Alarmtelefonen 116 111']) assert.ok(text.toLowerCase().includes(part.toLowerCase()), `${lang}: ${part}`);
    }
  });

  it('writes no help-line number into a text: each comes from data/safety', () => {
    for (const lang of LANGUAGES) {
      // The text as written in the locale file: t() fills in the numbers from data by default.
      const written = loadLocaleResources()[lang]?.safety as Record<string, string>;
      for (const kind of ['self_harm', 'violence']) assert.doesNotMatch(written[kind] ?? '', /\d{3}/, `${lang} ${kind}`);
    }
  });

  it('asks the check-in question with yes, no and a person, in every language', () => {
    for (const lang of LANGUAGES) {
      for (const key of ['checkIn.self_harm', 'checkIn.violence', 'checkIn.thanks', 'checkIn.thanksWithVeileder', 'checkIn.buttons.yes', 'checkIn.buttons.no', 'checkIn.buttons.person']) {
        assert.notEqual(t(lang, `safety:${key}`), `safety:${key}`, `${lang} ${key}`);
      }
      assert.match(t(lang, 'safety:checkIn.self_harm'), /\?$/);
    }
  });

  it('makes no promise about the user’s case', () => {
    const promise = /du har rett på|du får |innvilget|you are entitled|you will get|du vil få/i;
    for (const lang of LANGUAGES) for (const key of KEYS) assert.doesNotMatch(t(lang, key), promise, `${lang} ${key}`);
  });
});
