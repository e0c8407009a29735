import assert from 'node:assert/strict';
import { loadOpeningHours, OpeningHoursError, weekdayHours } from '../core/availability/index.js';
import { LANGUAGES } from '../core/language.js';
import { knownPhoneNumbers } from '../bot/phoneNumbers.js';
import { loadLocaleResources, t } from '../dialogs/i18n.js';
import { textValues } from '../dialogs/textValues.js';

const SP = '[ \\u00a0]';
const EIGHT_DIGITS = new RegExp(`(?<!\\d)(?:\\d{2}${SP}?\\d{2}${SP}?\\d{2}${SP}?\\d{2}|\\d{3}${SP}?\\d{2}${SP}?\\d{3})(?!\\d)`);
/** 113, 116 123, 1412, 02800: a number of three to six digits standing alone. */
const SHORT_NUMBER = new RegExp(`(?<![\\w§/,.-])(?<!§${SP})(?:\\d{3}${SP}\\d{3}|\\d{3,6})(?![\\d,.]\\d|${SP}?\\d)`, 'g');
/** What makes a short number something else: a year, or a count with its unit ("248 dager", "100 prosent"). */
const NOT_A_PHONE = new RegExp(`^(?:(?:19|20)\\d\\d$|.*${SP}?(?:%|prosent|percent|år|years?|dagar|dager|days|uker|veker|weeks|kr|kroner|NOK|tegn|characters|teikn)\\b)`, 'u');
const HOUR = '(?:[01]?\\d|2[0-4])(?:[.:][0-5]\\d)?(?:' + SP + '?[ap]\\.?m\\.?)?';
const RANGE = new RegExp(`(?<![\\d§])(?<!§${SP})(${HOUR})${SP}?(?:[–—-]|til|to)${SP}?(${HOUR})(?![\\d])`, 'gi');
/** A range is a time range when it says so: "kl." before it, minutes, am/pm, or a leading zero ("09–15"). */
const TIME_MARKER = /(?:kl\.?|klokka|klokken|at|weekdays|hverdager|kvardagar)\s*$/i;

function literalPhoneNumbers(text: string): string[] {
  const plain = text.replace(/\{\{[^}]*\}\}/g, ' ');
  const found = EIGHT_DIGITS.exec(plain)?.[0];
  const shorts = [...plain.matchAll(SHORT_NUMBER)]
    .filter((m) => !NOT_A_PHONE.test(plain.slice(m.index, m.index + m[0].length + 12)))
    .map((m) => m[0]);
  return [...(found ? [found] : []), ...shorts];
}

function literalTimes(text: string): string[] {
  const plain = text.replace(/\{\{[^}]*\}\}/g, ' ');
  const ranges = [...plain.matchAll(RANGE)].filter((m) => {
    const [whole, from = '', to = ''] = m;
    const marked = [from, to].some((h) => /[.:]\d\d|[ap]\.?m|^0\d/i.test(h));
    return marked || TIME_MARKER.test(plain.slice(0, m.index)) || /\b(?:am|pm)\b/i.test(whole);
  });
  const clock = plain.match(/\bkl\.?\s*\d{1,2}\b|(?<![\d§])\b(?:[01]\d|2[0-3])[:.][0-5]\d\b/gi) ?? [];
  return [...ranges.map((m) => m[0]), ...clock];
}

function* leaves(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [path, node];
  else if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* leaves(item, `${path}[${i}]`);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) yield* leaves(v, path ? `${path}.${k}` : k);
}

describe('phone numbers and opening hours come from data', () => {
  describe('the check for literal numbers and hours', () => {
    it('finds phone numbers written out', () => {
      for (const text of ['Ring 55 55 33 33.', 'Ring 55553333', 'ring 113', 'Ring 116 123 i Norge', 'Kirkens SOS: 22 40 00 40', 'gjeldstelefon 800 45 353', 'ring 116\u00a0117']) {
        assert.notDeepEqual(literalPhoneNumbers(text), [], text);
      }
    });

    it('finds opening hours written out', () => {
      for (const text of ['open 09.00–15.00', 'hverdager kl. 9–15', 'open 9am-3pm', 'weekdays 09–15', 'kvardagar 9 til 15', 'åpner kl. 9', 'from 09:00']) {
        assert.notDeepEqual(literalTimes(text), [], text);
      }
    });

    it('leaves paragraphs, years, counts with units and placeholders alone', () => {
      for (const text of ['NAV-loven § 14 a', 'Folketrygdloven § 11-12', 'Rundskriv A-3/2023', 'høyst 248 dager. Det er 52 uker.', '100 prosent', 'Barn 0–5 år: {{child0to5}} kroner', 'Child aged 11–17: NOK {{x}}', 'Ring {{phoneNav}}, hverdager kl. {{navOpens}}–{{navCloses}}.', 'fra 15 til 100 år', 'lengre enn {{max}} tegn', 'for eksempel Z123456', 'Høyere utdanning (1 til 4 år)']) {
        assert.deepEqual([...literalPhoneNumbers(text), ...literalTimes(text)], [], text);
      }
    });
  });

  const resources = loadLocaleResources();
  for (const lang of LANGUAGES) {
    it(`${lang}: no locale text has a phone number or an opening time written in it`, () => {
      const found: string[] = [];
      for (const [ns, tree] of Object.entries(resources[lang] ?? {})) {
        for (const [path, text] of leaves(tree, '')) {
          for (const hit of [...literalPhoneNumbers(text), ...literalTimes(text)]) found.push(`${lang}/${ns}.json ${path}: "${hit}"`);
        }
      }
      assert.deepEqual(found, []);
    });

    it(`${lang}: every text that names a number or Nav's hours renders them from data`, () => {
      const values = textValues();
      let rendered = 0;
      for (const [ns, tree] of Object.entries(resources[lang] ?? {})) {
        for (const [path, text] of leaves(tree, '')) {
          const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').filter((name) => name in values);
          if (names.length === 0 || path.includes('[')) continue;
          const out = t(lang, `${ns}:${path}`);
          for (const name of names) {
            assert.ok(!out.includes(`{{${name}}}`), `${lang}/${ns}.json ${path} leaves {{${name}}} empty`);
            assert.ok(out.includes(values[name] ?? '\0'), `${lang}/${ns}.json ${path} has ${name}`);
          }
          rendered += 1;
        }
      }
      assert.ok(rendered >= 10, `only ${rendered} texts use a number from data`);
    });

    it(`${lang}: the human, error, handoff and privacy texts give Nav's number and hours`, () => {
      const nav = '55\u00a055\u00a033\u00a033';
      for (const key of ['human.placeholder', 'handoff:consent.declined', 'handoff:availability.phone', 'handoff:expired.next', 'privacy:page.terms2']) {
        const text = t(lang, key);
        assert.ok(text.includes(nav), `${key}: ${text}`);
        assert.ok(text.includes('09:00–15:00'), `${key}: ${text}`);
      }
      assert.ok(t(lang, 'errors.generic').includes(nav));
      assert.ok(t(lang, 'handoff:availability.closedNow').includes('09:00–15:00'));
      const closed = t(lang, 'handoff:availability.phoneClosed', { when: 'x' });
      for (const number of [nav, '116\u00a0117', '112', '113']) assert.ok(closed.includes(number), `${number} in ${closed}`);
    });
  }

  it('every number the texts take from data is one the web page makes a tel: link', () => {
    const linked = new Set(knownPhoneNumbers().map((p) => p.text));
    const values = textValues();
    const phones = Object.entries(values).filter(([, v]) => /^\d[\d \u00a0]*\d$/.test(v));
    assert.ok(phones.length >= 8, 'phone numbers among the text values');
    for (const [name, value] of phones) assert.ok(linked.has(value.replace(/\u00a0/g, ' ')), `${name} (${value}) is linked`);
  });
});

describe("Nav's weekday hours for the texts", () => {
  const hours = loadOpeningHours();

  it('are the one period Monday to Friday share in the data', () => {
    assert.deepEqual(weekdayHours(hours), { opens: '09:00', closes: '15:00' });
  });

  it('refuse data where one weekday differs, since the texts say "weekdays 09:00–15:00"', () => {
    const friday: Array<[string, string]> = [['09:00', '14:00']];
    assert.throws(() => weekdayHours({ ...hours, weekly: { ...hours.weekly, friday } }), OpeningHoursError);
    assert.throws(() => weekdayHours({ ...hours, weekly: { ...hours.weekly, monday: [] } }), OpeningHoursError);
  });
});
