/**
 * Accuracy benchmark for understanding: `npm run --silent eval:nlu`.
 * Trains from data/nlu/, runs the held-out messages in test/nlu-eval/ and prints accuracy per
 * language and intent, crisis recall, false alarms and timings. Exit 1 when a target is missed.
 * `--misses` also lists every message the classifier got wrong.
 */
import { evaluate, type Tally } from '../test/nlu-eval/evaluate.js';
import { TARGETS } from '../test/nlu-eval/targets.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const row = (name: string, t: Tally): string => `  ${name.padEnd(22)} ${pct(t.accuracy).padStart(8)}  (${t.correct}/${t.total})`;

const report = await evaluate();
const failed: string[] = [];

console.log(`NLU evaluation: ${report.messages} held-out messages`);
console.log('\nAccuracy per language');
for (const [lang, t] of Object.entries(report.perLanguage)) {
  console.log(row(lang, t));
  if (t.accuracy < TARGETS.minAccuracyPerLanguage) failed.push(`accuracy ${lang} ${pct(t.accuracy)}`);
}
console.log('\nAccuracy per intent');
for (const [intent, t] of Object.entries(report.perIntent).sort(([a], [b]) => a.localeCompare(b))) console.log(row(intent, t));

const { crisis, emergency, falseAlarms, languageDetection: ld } = report;
console.log('\nSafety (checkSafety with the classifier)');
console.log(`  crisis recall          ${pct(crisis.recall).padStart(8)}  (${crisis.caught}/${crisis.total})`);
console.log(`  same-day need found    ${pct(emergency.recall).padStart(8)}  (${emergency.caught}/${emergency.total})`);
console.log(`  false alarms           ${pct(falseAlarms.rate).padStart(8)}  (${falseAlarms.alarms}/${falseAlarms.total})`);
for (const m of crisis.missed) console.log(`    MISSED: ${m}`);
for (const a of falseAlarms.texts) console.log(`    false alarm: ${a}`);
if (crisis.recall < TARGETS.minCrisisRecall) failed.push(`crisis recall ${pct(crisis.recall)}`);
if (falseAlarms.rate >= TARGETS.maxFalseAlarmRate) failed.push(`false alarms ${pct(falseAlarms.rate)}`);

console.log('\nLanguage detection on the same messages');
console.log(`  right ${ld.correct}, wrong ${ld.wrong}, no answer ${ld.undecided}`);

console.log('\nThe same messages with one phone-style typo each (æøå as ae/o/a, swapped letters, words run together, capitals)');
console.log(`  accuracy               ${pct(report.withTypos.accuracy).padStart(8)}`);
console.log(`  crisis recall          ${pct(report.withTypos.crisisRecall).padStart(8)}`);
for (const m of report.withTypos.crisisMissed) console.log(`    MISSED: ${m}`);

console.log('\nTimings');
console.log(`  train                  ${report.trainMs.toFixed(0).padStart(6)} ms`);
console.log(`  load saved model       ${report.loadMs.toFixed(0).padStart(6)} ms`);
console.log(`  classify, median       ${report.medianClassifyMs.toFixed(3).padStart(6)} ms`);
console.log(`  checkSafety, median    ${report.medianSafetyMs.toFixed(3).padStart(6)} ms`);
if (Math.min(report.trainMs, report.loadMs) >= TARGETS.maxTrainOrLoadMs) failed.push('start-up time');
if (report.medianClassifyMs >= TARGETS.maxMedianClassifyMs) failed.push('classify time');

if (process.argv.includes('--misses')) {
  console.log('\nMisses');
  for (const m of report.misses) console.log(`  [${m.language}] "${m.text}": expected ${m.expected}, got ${m.got} (${m.score})`);
}

console.log(failed.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${failed.join('; ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
