/**
 * node --import tsx scripts/triage-cli.ts FILE|-
 * Reads { "answers": {…} } or an array of them (from FILE, or stdin for "-") and prints the
 * assessment (or an array of them) as JSON. Bad input: one line on stderr naming the field, exit 2.
 */
import { readFileSync } from 'node:fs';
import { assess, validateAnswers, type Assessment } from '../core/triage/index.js';

class InputError extends Error {}

function assessOne(item: unknown, at: string, today: Date): Assessment {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new InputError(`${at || 'input'}: expected an object { "answers": { … } }`);
  }
  if (!('answers' in item)) throw new InputError(`${at}answers: missing`);
  const result = validateAnswers((item as { answers: unknown }).answers);
  if (!result.ok) {
    const field = result.field === 'answers' ? `${at}answers` : `${at}answers.${result.field}`;
    throw new InputError(`${field}: ${result.message}`);
  }
  return assess(result.answers, today);
}

function main(args: string[]): number {
  const source = args[0];
  if (args.length !== 1 || !source) {
    process.stderr.write('usage: triage-cli FILE|-  (JSON: { "answers": { … } } or an array of them)\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err) {
    process.stderr.write(`input: cannot read ${source === '-' ? 'stdin' : source} (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`input: not valid JSON (${(err as Error).message.split('\n')[0]})\n`);
    return 2;
  }
  const today = new Date();
  try {
    const output = Array.isArray(input) ? input.map((item, i) => assessOne(item, `[${i}].`, today)) : assessOne(input, '', today);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
