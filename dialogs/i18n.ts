import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../core/language.js';
import { matchKey } from '../core/normalize.js';

export const LOCALES_DIR = fileURLToPath(new URL('../locales/', import.meta.url));

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every locales/<lang>/<namespace>.json file. Namespaces are the file names. */
export function loadLocaleResources(dir = LOCALES_DIR): Resources {
  const resources: Resources = {};
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][basename(file, '.json')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

let instance: I18n | undefined;

function i18n(): I18n {
  if (instance) return instance;
  const resources = loadLocaleResources();
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: DEFAULT_LANG,
    // No fallback: a key missing in nn or en must show up in tests, not be papered over with bokmål.
    fallbackLng: false,
    ns: Object.keys(resources[DEFAULT_LANG] ?? {}),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/**
 * Texts without options, remembered: the resources are loaded once and never change while running,
 * and every turn compares what the user typed with dozens of button labels in three languages
 * (i18next's lookup was a fifth of the bot's CPU per turn).
 */
const plainTexts = new Map<string, string>();
const plainLists = new Map<string, readonly string[]>();
const labelKeys = new Map<string, string>();
const listKeys = new Map<string, readonly string[]>();
const existing = new Map<string, boolean>();

/** Translates `key` ("namespace:path.to.key", or a key in `common`) into `lang`. */
export function t(lang: Lang, key: string, options?: TOptions): string {
  if (options !== undefined) return i18n().t(key, { ...options, lng: lang }) as string;
  const id = `${lang}:${key}`;
  let text = plainTexts.get(id);
  if (text === undefined) {
    text = i18n().t(key, { lng: lang }) as string;
    plainTexts.set(id, text);
  }
  return text;
}

/** Translates a key whose value is an array of strings (for lists and quick replies). */
export function tList(lang: Lang, key: string, options?: TOptions): string[] {
  if (options !== undefined) return toList(i18n().t(key, { ...options, lng: lang, returnObjects: true }));
  const id = `${lang}:${key}`;
  let list = plainLists.get(id);
  if (list === undefined) {
    list = toList(i18n().t(key, { lng: lang, returnObjects: true }));
    plainLists.set(id, list);
  }
  return [...list];
}

function toList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** matchKey of a text (a button label), for comparing with what the user typed; remembered like t. */
export function tMatchKey(lang: Lang, key: string): string {
  const id = `${lang}:${key}`;
  let folded = labelKeys.get(id);
  if (folded === undefined) {
    folded = matchKey(t(lang, key));
    labelKeys.set(id, folded);
  }
  return folded;
}

/** True when the key exists in that language (used by flows that offer optional extras). */
export function hasText(lang: Lang, key: string): boolean {
  const id = `${lang}:${key}`;
  let found = existing.get(id);
  if (found === undefined) {
    found = i18n().exists(key, { lng: lang });
    existing.set(id, found);
  }
  return found;
}

/** matchKey of each text in a list (words the user may type), remembered like tList. */
export function tListMatchKeys(lang: Lang, key: string): readonly string[] {
  const id = `${lang}:${key}`;
  let folded = listKeys.get(id);
  if (folded === undefined) {
    folded = tList(lang, key).map(matchKey);
    listKeys.set(id, folded);
  }
  return folded;
}
