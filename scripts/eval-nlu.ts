/**
 * Accuracy benchmark for understanding: `npm run --silent eval:nlu [-- --misses]`.
 * Trains from data/nlu/ and reports, on the frozen held-out set (test/nlu-heldout/, never trained
 * or tuned on): intent accuracy per language and per kind of message, what the bot then does
 * (acts, asks, does not understand), the crisis check (crisis text, check-in, misses, figures on
 * ordinary messages) and calibration; then the same from 5-fold cross-validation on the training
 * data; then timings. Exit 1 when a target is missed. `--misses` lists every message got wrong
 * (don't read it for the held-out sets unless you accept that their figures are then no longer clean).
 */
import { loadTrainingExamples } from '../core/understanding/training-data.js';
import { crossValidate, evaluateHeldOut, trainTimed, type Decisions, type SafetyFigures, type Tally } from '../test/nlu-eval/evaluate.js';
import { loadHeldOut } from '../test/nlu-eval/heldout.js';
import { TARGETS } from '../test/nlu-eval/targets.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const row = (name: string, t: Tally): string => `  ${name.padEnd(22)} ${pct(t.accuracy).padStart(8)}  (${t.correct}/${t.total})`;
const showMisses = process.argv.includes('--misses');
const failed: string[] = [];

function decisions(d: Decisions): void {
  const total = d.actedRight + d.actedWrong + d.clarifiedWithRight + d.clarifiedWithoutRight + d.notUnderstood || 1;
  console.log(`  acts on the right intent   ${pct(d.actedRight / total).padStart(8)}  (${d.actedRight})`);
  console.log(`  acts on a wrong intent     ${pct(d.actedWrong / total).padStart(8)}  (${d.actedWrong})`);
  console.log(`  asks, right one offered    ${pct(d.clarifiedWithRight / total).padStart(8)}  (${d.clarifiedWithRight})`);
  console.log(`  asks, right one not among  ${pct(d.clarifiedWithoutRight / total).padStart(8)}  (${d.clarifiedWithoutRight})`);
  console.log(`  says it did not understand ${pct(d.notUnderstood / total).padStart(8)}  (${d.notUnderstood})`);
}

/** `withTargets` names the set whose figures count against the targets; false for cross-validation. */
function safety(s: SafetyFigures, withTargets: string | false): void {
  const { crisis, distress, ordinary, emergency } = s;
  console.log(`  crisis recall (text or check-in) ${pct(crisis.recall).padStart(8)}  (${crisis.caught}/${crisis.total}: ${crisis.crisisText} crisis text, ${crisis.checkIn} check-in)`);
  console.log(`  distress that got the check-in   ${pct(distress.total ? distress.caught / distress.total : 1).padStart(8)}  (${distress.caught}/${distress.total})`);
  console.log(`  crisis text on ordinary          ${pct(ordinary.crisisTextRate).padStart(8)}  (${ordinary.crisisText}/${ordinary.total})`);
  console.log(`  check-in on ordinary             ${pct(ordinary.checkInRate).padStart(8)}  (${ordinary.checkIn}/${ordinary.total})`);
  console.log(`  same-day need found              ${pct(emergency.total ? emergency.caught / emergency.total : 1).padStart(8)}  (${emergency.caught}/${emergency.total})`);
  // The messages themselves only with --misses: reading a held-out set's misses is the first step
  // to tuning on it.
  if (showMisses) {
    for (const m of crisis.missed) console.log(`    MISSED crisis: ${m}`);
    for (const m of distress.missed) console.log(`    distress without check-in: ${m}`);
    for (const a of ordinary.texts) console.log(`    on ordinary: ${a}`);
  }
  if (!withTargets) return;
  if (crisis.recall < TARGETS.minCrisisRecall) failed.push(`${withTargets} crisis recall ${pct(crisis.recall)}`);
  if (ordinary.crisisTextRate > TARGETS.maxCrisisTextOnOrdinary) failed.push(`${withTargets} crisis text on ordinary ${pct(ordinary.crisisTextRate)}`);
  if (ordinary.checkInRate > TARGETS.maxCheckInOnOrdinary) failed.push(`${withTargets} check-in on ordinary ${pct(ordinary.checkInRate)}`);
}

const examples = loadTrainingExamples();
const { classifier, trainMs } = trainTimed(examples);
const heldOut = loadHeldOut();
const report = evaluateHeldOut(classifier, heldOut);

console.log(`NLU evaluation: ${examples.length} training examples; held-out set of ${report.messages} messages (test/nlu-heldout)`);
console.log('\nHeld-out: intent accuracy on ordinary messages, per language');
for (const [lang, t] of Object.entries(report.perLanguage)) {
  console.log(row(lang, t));
  if (t.accuracy < TARGETS.minAccuracyPerLanguage) failed.push(`held-out accuracy ${lang} ${pct(t.accuracy)}`);
}
console.log('\nHeld-out: per kind of message');
for (const [kind, t] of Object.entries(report.perKind).sort(([a], [b]) => a.localeCompare(b))) console.log(row(kind, t));
console.log('\nHeld-out: per intent');
for (const [intent, t] of Object.entries(report.perIntent).sort(([a], [b]) => a.localeCompare(b))) console.log(row(intent, t));
console.log('\nHeld-out: what the bot does with an ordinary message');
decisions(report.decisions);
console.log(`  calibration error (ECE)    ${report.calibrationError.toFixed(3).padStart(8)}`);
console.log('\nHeld-out: crisis check');
safety(report.safety, 'held-out');
console.log('  crisis recall per kind of message');
for (const [kind, t] of Object.entries(report.crisisRecallPerKind).sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${row(kind, t)}`);
const ld = report.languageDetection;
console.log(`\nHeld-out: language detection: right ${ld.correct}, wrong ${ld.wrong}, no answer ${ld.undecided}`);

const second = evaluateHeldOut(classifier, loadHeldOut('nlu-heldout-2'));
console.log(`\nSecond held-out set (test/nlu-heldout-2, ${second.messages} messages, mostly crisis and look-alikes): crisis check`);
safety(second.safety, 'second held-out');
console.log('  crisis recall per kind of message');
for (const [kind, t] of Object.entries(second.crisisRecallPerKind).sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${row(kind, t)}`);
console.log('  intent accuracy on its ordinary messages');
for (const [lang, t] of Object.entries(second.perLanguage)) console.log(row(lang, t));

const cv = crossValidate(examples);
console.log(`\n${cv.folds}-fold cross-validation on the training data (ordinary examples)`);
for (const [lang, t] of Object.entries(cv.perLanguage)) {
  console.log(row(lang, t));
  if (t.accuracy < TARGETS.minCrossValidatedAccuracy) failed.push(`cross-validated accuracy ${lang} ${pct(t.accuracy)}`);
}
console.log(row('all', cv.overall));
decisions(cv.decisions);
console.log(`  calibration error (ECE)    ${cv.calibrationError.toFixed(3).padStart(8)}`);
console.log('  crisis check with each fold\'s classifier');
safety(cv.safety, false);

console.log('\nTimings');
console.log(`  train at start-up      ${trainMs.toFixed(0).padStart(6)} ms`);
console.log(`  classify, median       ${report.medianClassifyMs.toFixed(3).padStart(6)} ms`);
console.log(`  crisis check, median   ${report.medianSafetyMs.toFixed(3).padStart(6)} ms`);
if (trainMs > TARGETS.maxTrainMs) failed.push('train time');
if (report.medianClassifyMs > TARGETS.maxMedianClassifyMs) failed.push('classify time');

if (showMisses) {
  console.log('\nHeld-out misses');
  for (const m of report.misses) console.log(`  [${m.language} ${m.kind}] "${m.text}": expected ${m.expected}, got ${m.got} (${m.score})`);
}
console.log(failed.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${failed.join('; ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
