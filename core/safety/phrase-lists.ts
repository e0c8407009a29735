import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAFETY_DATA_DIR = fileURLToPath(new URL('../../data/safety/', import.meta.url));

export const SAFETY_KINDS = ['self_harm', 'violence', 'emergency_aid'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];

/**
 * `self_harm`, `violence`: clear crisis phrases (the crisis text at once); `check_in_self_harm`,
 * `check_in_violence`: risk signals that are not certain (the check-in question first);
 * `emergency_aid`: same-day need; `not_crisis`: figures of speech to ignore; `crisis_words`: the
 * words one of which a sentence must contain before the classifier alone may raise anything.
 */
export const LIST_NAMES = ['self_harm', 'violence', 'check_in_self_harm', 'check_in_violence', 'emergency_aid', 'not_crisis', 'crisis_words'] as const;
export type PhraseLists = Record<(typeof LIST_NAMES)[number], string[]>;

/**
 * Reads data/safety/<lang>.json and merges the three languages: a message is checked against
 * every list, whatever language the conversation is in.
 */
export function loadPhraseLists(dir = SAFETY_DATA_DIR): PhraseLists {
  const lists = Object.fromEntries(LIST_NAMES.map((name) => [name, [] as string[]])) as PhraseLists;
  for (const file of readdirSync(dir).filter((f) => /^(nb|nn|en)\.json$/.test(f)).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<PhraseLists>;
    for (const key of Object.keys(lists) as (keyof PhraseLists)[]) {
      const value = data[key];
      if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
        throw new Error(`${file}: "${key}" must be a list of phrases`);
      }
      lists[key].push(...(value ?? []));
    }
  }
  return lists;
}
