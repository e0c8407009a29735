import { readFileSync } from 'node:fs';
import { matchKey } from '../normalize.js';

export type UrgentSignal = 'URGENT_MONEY' | 'URGENT_HOUSING';

interface SignalWords {
  housing: string[];
  money: string[];
}

const FILE = new URL('../../data/handoff/urgent-signals.json', import.meta.url);
let lists: SignalWords | undefined;

function signalWords(): SignalWords {
  if (lists) return lists;
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as SignalWords;
  const fold = (w: string) => matchKey(w);
  lists = { housing: raw.housing.map(fold), money: raw.money.map(fold) };
  return lists;
}

function mentions(padded: string, words: string[]): boolean {
  return words.some((w) => padded.includes(` ${w}`));
}

/**
 * Which same-day need a message flagged by the safety check is about: a place to sleep, money for
 * food, or both. Money is assumed when the message names neither.
 */
export function urgentSignalsIn(text: string): UrgentSignal[] {
  const padded = ` ${matchKey(text)} `;
  const { housing, money } = signalWords();
  const signals: UrgentSignal[] = [];
  if (mentions(padded, housing)) signals.push('URGENT_HOUSING');
  if (mentions(padded, money) || signals.length === 0) signals.push('URGENT_MONEY');
  return signals;
}
