import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../core/language.js';
import { matchKey } from '../core/normalize.js';
import { textValues } from './textValues.js';

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
    // Phone numbers and opening hours come from data in every text ({{phoneNav}}, {{navOpens}}).
    interpolation: { escapeValue: false, defaultVariables: textValues() },
    returnNull: false,
  });
  instance = created;
  return created;
}

/**
 * Look-ups without options are remembered per language and key: the resources are loaded once and
 * never change while running, and every turn compares what the user typed with dozens of button
 * labels in three languages (i18next's lookup was a fifth of the bot's CPU per turn).
 */
function remembered<T>(compute: (lang: Lang, key: string) => T): (lang: Lang, key: string) => T {
  const known = new Map<string, T>();
  return (lang, key) => {
    const id = `${lang}:${key}`;
    if (known.has(id)) return known.get(id) as T;
    const value = compute(lang, key);
    known.set(id, value);
    return value;
  };
}

const plainText = remembered((lang, key) => i18n().t(key, { lng: lang }) as string);
const plainList = remembered((lang, key): readonly string[] => toList(i18n().t(key, { lng: lang, returnObjects: true })));

/** Translates `key` ("namespace:path.to.key", or a key in `common`) into `lang`. */
export function t(lang: Lang, key: string, options?: TOptions): string {
  return options === undefined ? plainText(lang, key) : (i18n().t(key, { ...options, lng: lang }) as string);
}

/** Translates a key whose value is an array of strings (for lists and quick replies). */
export function tList(lang: Lang, key: string, options?: TOptions): string[] {
  return options === undefined ? [...plainList(lang, key)] : toList(i18n().t(key, { ...options, lng: lang, returnObjects: true }));
}

function toList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** matchKey of a text (a button label), for comparing with what the user typed. */
export const tMatchKey = remembered((lang, key) => matchKey(t(lang, key)));

/** True when the key exists in that language (used by flows that offer optional extras). */
export const hasText = remembered((lang, key) => i18n().exists(key, { lng: lang }));

/** matchKey of each text in a list (words the user may type). */
export const tListMatchKeys = remembered((lang, key): readonly string[] => tList(lang, key).map(matchKey));
