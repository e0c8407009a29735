/**
 * `npm run --silent nlu [-- --lang nb|nn|en]`: one message per line on stdin, one JSON line per
 * message on stdout: {"text","intent","score","language","safety"} (shared/specs/understanding.md).
 * `safety` is what the bot's crisis check decides, exactly as the bot runs it; when it is a
 * crisis, `intent` is that crisis intent, since that is what the bot acts on. Without --lang the
 * language is detected (bokmål when the message does not say). Empty lines are skipped.
 */
import { createInterface } from 'node:readline';
import { isLang, type Lang } from '../core/language.js';
import { checkSafety, safetyLabel } from '../core/safety/index.js';
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
const classifier = createIntentClassifier();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const text = line.trim();
  if (!text) continue;
  const { intent, score, language } = classifier.classify(text, lang);
  const safety = safetyLabel(checkSafety(text, classifier));
  const acted = safety === 'crisis.self_harm' || safety === 'crisis.violence' ? safety : intent;
  process.stdout.write(`${JSON.stringify({ text, intent: acted, score, language, safety })}\n`);
}
