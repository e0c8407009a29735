import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchKey } from '../normalize.js';

const NUMBER_WORDS_PATH = fileURLToPath(new URL('../../data/triage/number-words.json', import.meta.url));

interface WordTable {
  units: Map<string, number>;
  teens: Map<string, number>;
  tens: Map<string, number>;
}

let tables: WordTable[] | undefined;

/** All languages at once: a number word means the same whichever language the chat is in. */
function wordTables(): WordTable[] {
  if (tables) return tables;
  const raw = JSON.parse(readFileSync(NUMBER_WORDS_PATH, 'utf8')) as { languages: Record<string, Record<keyof WordTable, Record<string, number>>> };
  const toMap = (o: Record<string, number>) => new Map(Object.entries(o).map(([w, n]) => [matchKey(w), n]));
  tables = Object.values(raw.languages).map((l) => ({ units: toMap(l.units), teens: toMap(l.teens), tens: toMap(l.tens) }));
  return tables;
}

/** "trettifire", "tjueein", "førti", "femten", "hundre": one word to its value. */
function wordValue(word: string): number | undefined {
  for (const t of wordTables()) {
    const direct = t.teens.get(word) ?? t.tens.get(word);
    if (direct !== undefined) return direct;
    for (const [ten, value] of t.tens) {
      if (value < 100 && word.startsWith(ten)) {
        const unit = t.units.get(word.slice(ten.length));
        if (unit !== undefined) return value + unit;
      }
    }
  }
  return undefined;
}

function unitValue(word: string): number | undefined {
  for (const t of wordTables()) {
    const unit = t.units.get(word);
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/**
 * The numbers written in words in a message, 15–100 ("jeg er trettifire", "thirty-four",
 * "thirty four", "fire og tretti"). Digits are read elsewhere.
 */
export function numbersInWords(text: string): number[] {
  const words = matchKey(text.replace(/-/g, ' ')).split(' ').filter(Boolean);
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = wordValue(words[i]!);
    if (value !== undefined) {
      const next = words[i + 1] !== undefined ? unitValue(words[i + 1]!) : undefined;
      // "thirty four": a round ten followed by a unit.
      if (next !== undefined && value % 10 === 0 && value < 100) {
        found.push(value + next);
        i++;
      } else {
        found.push(value);
      }
      continue;
    }
    // Old style "fire og tretti".
    const unit = unitValue(words[i]!);
    const ten = words[i + 2] !== undefined ? wordValue(words[i + 2]!) : undefined;
    if (unit !== undefined && (words[i + 1] === 'og' || words[i + 1] === 'and') && ten !== undefined && ten % 10 === 0 && ten < 100) {
      found.push(ten + unit);
      i += 2;
    }
  }
  return found;
}
