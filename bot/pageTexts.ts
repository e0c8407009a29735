import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOpeningHours, weekdayHours } from '../core/availability/index.js';
import { LANGUAGES, type Lang } from '../core/language.js';
import { phoneNumbers } from '../core/rights/contacts.js';
import { telLink } from './phoneNumbers.js';

export type PageTexts = Record<string, unknown>;

/**
 * What the page texts take from data: NAV's number (data/rights/contacts.json) and its opening
 * hours on weekdays (data/handoff/opening-hours.json), so neither is written in a locale file.
 */
export function pageValues(): Record<string, string> {
  const phone = phoneNumbers().navKontaktsenter.replace(/\u00a0/g, ' ');
  const { opens, closes } = weekdayHours(loadOpeningHours());
  return { navPhone: phone, navTel: telLink(phone), navOpens: opens, navCloses: closes };
}

/** Fills in the known {{names}}; others ({{time}} for the page's script) are left as they are. */
function fill(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  return node;
}

/** locales/<lang>/web.json for every language, with the values from data filled in. */
export function loadPageTexts(localesDir: string, values = pageValues()): Record<Lang, PageTexts> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, fill(JSON.parse(readFileSync(join(localesDir, lang, 'web.json'), 'utf8')), values) as PageTexts]),
  ) as Record<Lang, PageTexts>;
}
