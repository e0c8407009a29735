import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HELPLINES_FILE = fileURLToPath(new URL('../../data/safety/helplines.json', import.meta.url));

interface HelplinesFile {
  lines: { id: string; number: string }[];
  places: { id: string; web: string }[];
}

let numbers: Readonly<Record<string, string>> | undefined;

/**
 * Every help line's number and every place's web address by id (data/safety/helplines.json), for
 * the crisis texts to interpolate: a number is written in one place only.
 */
export function helplineValues(): Readonly<Record<string, string>> {
  if (numbers) return numbers;
  const data = JSON.parse(readFileSync(HELPLINES_FILE, 'utf8')) as HelplinesFile;
  const values = Object.fromEntries([...data.lines.map((l) => [l.id, l.number]), ...data.places.map((p) => [p.id, p.web])]);
  numbers = values;
  return values;
}
