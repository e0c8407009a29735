/**
 * Accuracy benchmark for understanding: `npm run --silent eval:nlu [-- --misses]`.
 * Trains from data/nlu/ and reports, first on the clean held-out set (test/nlu-heldout-5, frozen,
 * never trained or tuned on; the targets count there): intent accuracy per language, per kind
 * and per intent, what the bot then does (acts, asks, does not understand), calibration and the
 * crisis check; then the development sets (test/nlu-heldout, -2, -3, -4) in short; then
 * 5-fold cross-validation on the training data; then timings. Exit 1 when a target is missed.
 * `--misses` lists what the development sets and cross-validation got wrong; `--misses-clean`
 * the clean set's, which spends it (docs/understanding.md). `--dev` leaves the clean set out.
 */
import { loadTrainingExamples } from '../core/understanding/training-data.js';
import { crossValidate, evaluateHeldOut, trainTimed, type Decisions, type HeldOutReport, type SafetyFigures, type Tally } from '../test/nlu-eval/evaluate.js';
import { HELD_OUT_SETS, loadHeldOut, type HeldOutSet } from '../test/nlu-eval/heldout.js';
import { TARGETS } from '../test/nlu-eval/targets.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const row = (name: string, t: Tally): string => `  ${name.padEnd(22)} ${pct(t.accuracy).padStart(8)}  (${t.correct}/${t.total})`;
// Texts only on request: reading a set's misses is the first step to tuning on it. `--misses`
// lists the development sets' misses; the clean set's only with `--misses-clean`.
const showMisses = process.argv.includes('--misses');
const showCleanMisses = process.argv.includes('--misses-clean');
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
function safety(s: SafetyFigures, withTargets: string | false, texts = false): void {
  const { crisis, distress, ordinary, emergency } = s;
  console.log(`  crisis recall (text or check-in) ${pct(crisis.recall).padStart(8)}  (${crisis.caught}/${crisis.total}: ${crisis.crisisText} crisis text, ${crisis.checkIn} check-in)`);
  console.log(`  distress that got the check-in   ${pct(distress.total ? distress.caught / distress.total : 1).padStart(8)}  (${distress.caught}/${distress.total})`);
  console.log(`  crisis text on ordinary          ${pct(ordinary.crisisTextRate).padStart(8)}  (${ordinary.crisisText}/${ordinary.total})`);
  console.log(`  check-in on ordinary             ${pct(ordinary.checkInRate).padStart(8)}  (${ordinary.checkIn}/${ordinary.total})`);
  console.log(`  same-day need found              ${pct(emergency.total ? emergency.caught / emergency.total : 1).padStart(8)}  (${emergency.caught}/${emergency.total})`);
  if (texts) {
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
const CLEAN: HeldOutSet = 'nlu-heldout-5';
const DESCRIPTION: Record<HeldOutSet, string> = {
  'nlu-heldout': 'development set 1: every kind of message; its misses have been read',
  'nlu-heldout-2': 'development set 2: mostly crisis and look-alikes; used to choose thresholds',
  'nlu-heldout-3': 'development set 3: measured once clean (95.8 % crisis recall), then read',
  'nlu-heldout-4': 'development set 4: measured once clean (88.7 % crisis recall), then read',
  'nlu-heldout-5': 'the clean held-out set: frozen 2026-12-04, never trained or tuned on',
};

/** One set's figures; the clean set's count against the targets. */
function reportSet(set: HeldOutSet): HeldOutReport {
  const report = evaluateHeldOut(classifier, loadHeldOut(set));
  const clean = set === CLEAN;
  const name = clean ? 'held-out' : set;
  console.log(`\n== test/${set} (${report.messages} messages): ${DESCRIPTION[set]}`);
  console.log('Intent accuracy on ordinary messages, per language');
  for (const [lang, t] of Object.entries(report.perLanguage)) {
    console.log(row(lang, t));
    if (clean && t.accuracy < TARGETS.minAccuracyPerLanguage) failed.push(`${name} accuracy ${lang} ${pct(t.accuracy)}`);
  }
  if (clean) {
    console.log('Per kind of message');
    for (const [kind, t] of Object.entries(report.perKind).sort(([a], [b]) => a.localeCompare(b))) console.log(row(kind, t));
    console.log('Per intent');
    for (const [intent, t] of Object.entries(report.perIntent).sort(([a], [b]) => a.localeCompare(b))) console.log(row(intent, t));
    console.log('What the bot does with an ordinary message');
    decisions(report.decisions);
    console.log(`  calibration error (ECE)    ${report.calibrationError.toFixed(3).padStart(8)}`);
  }
  console.log('Crisis check');
  safety(report.safety, clean ? name : false, clean ? showCleanMisses : showMisses);
  console.log('  crisis recall per kind of message');
  for (const [kind, t] of Object.entries(report.crisisRecallPerKind).sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${row(kind, t)}`);
  const ld = report.languageDetection;
  console.log(`Language detection: right ${ld.correct}, wrong ${ld.wrong}, no answer ${ld.undecided}`);
  if (clean ? showCleanMisses : showMisses) {
    console.log('Misses');
    for (const m of report.misses) console.log(`  [${m.language} ${m.kind}] "${m.text}": expected ${m.expected}, got ${m.got} (${m.score})`);
  }
  return report;
}

console.log(`NLU evaluation: ${examples.length} training examples`);
// `--dev` leaves the clean set out, for work on the classifier between measurements.
const devOnly = process.argv.includes('--dev');
const report = devOnly ? undefined : reportSet(CLEAN);
for (const set of HELD_OUT_SETS) if (set !== CLEAN) reportSet(set);

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
safety(cv.safety, false, showMisses);

console.log('\nTimings');
console.log(`  train at start-up      ${trainMs.toFixed(0).padStart(6)} ms`);
if (report) {
  console.log(`  classify, median       ${report.medianClassifyMs.toFixed(3).padStart(6)} ms`);
  console.log(`  crisis check, median   ${report.medianSafetyMs.toFixed(3).padStart(6)} ms`);
  if (report.medianClassifyMs > TARGETS.maxMedianClassifyMs) failed.push('classify time');
} else {
  failed.push('the clean held-out set was left out (--dev)');
}
if (trainMs > TARGETS.maxTrainMs) failed.push(`train time ${trainMs.toFixed(0)} ms`);

console.log(failed.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${failed.join('; ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
