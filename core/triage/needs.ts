import { readFileSync } from 'node:fs';
import { matchKey } from '../normalize.js';

export interface Need {
  id: string;
  /** The rights topic to offer for this need, if there is one. */
  topic: string | null;
  words: string[];
}

const FILE = new URL('../../data/triage/needs.json', import.meta.url);
let needs: Need[] | undefined;

function allNeeds(): Need[] {
  needs ??= (JSON.parse(readFileSync(FILE, 'utf8')) as { needs: Need[] }).needs.map((n) => ({ ...n, words: n.words.map(matchKey) }));
  return needs;
}

/** A message naming at least this many life areas is acknowledged as several needs. */
export const SEVERAL_NEEDS = 3;

/** The life areas a message names, most urgent first (data/triage/needs.json). */
export function needsIn(text: string): Need[] {
  const padded = ` ${matchKey(text)} `;
  return allNeeds().filter((n) => n.words.some((w) => padded.includes(` ${w}`)));
}
