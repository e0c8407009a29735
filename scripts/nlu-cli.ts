/**
 * `npm run --silent nlu [-- --lang nb|nn|en]`: one message per line on stdin, one JSON line per
 * message on stdout: {"text","intent","score","language"}. Without --lang the language is detected
 * (bokmål when the message does not say). Empty lines are skipped.
 */
import { createInterface } from 'node:readline';
import { isLang, type Lang } from '../core/language.js';
import { createIntentClassifier } from '../core/understanding/index.js';

function langArgument(argv: string[]): Lang | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const value = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  if (!isLang(value)) {
    console.error(`--lang must be nb, nn or en (got "${value ?? ''}")`);
    process.exit(2);
  }
  return value;
}

const lang = langArgument(process.argv.slice(2));
const classifier = await createIntentClassifier();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const text = line.trim();
  if (!text) continue;
  const { intent, score, language } = classifier.classify(text, lang);
  process.stdout.write(`${JSON.stringify({ text, intent, score, language })}\n`);
}
