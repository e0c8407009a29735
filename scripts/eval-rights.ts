/**
 * `npm run --silent eval:rights [-- --misses]`: the first-turn table (test/rights/firstTurn/) run
 * as whole conversations through the bot. Prints, per language, the share of questions answered to
 * the point in the first reply, and the longest answer (words before the source line). Exit 1 when
 * a language is under 95 %. `--misses` lists each question that was not answered, with the reply.
 */
import { LANGUAGES } from '../core/language.js';
import { FlowBot } from '../test/helpers/flowHarness.js';
import { runFirstTurns, share } from '../test/rights/firstTurnEval.js';

const TARGET = 0.95;
const showMisses = process.argv.includes('--misses');
const bot = await FlowBot.start();
let failed = false;
try {
  console.log('Rights questions answered to the point in the first reply (test/rights/firstTurn)');
  for (const lang of LANGUAGES) {
    const results = await runFirstTurns(bot, lang);
    const s = share(results);
    const answered = results.filter((r) => r.answered);
    const longest = Math.max(0, ...answered.map((r) => r.words));
    const single = answered.filter((r) => (r.question.parts?.length ?? 0) <= 1);
    const longestSingle = Math.max(0, ...single.map((r) => r.words));
    console.log(`  ${lang}  ${(s * 100).toFixed(1).padStart(5)} %  (${answered.length}/${results.length})  longest answer ${longestSingle} words (one point), ${longest} (two points)`);
    if (s < TARGET) failed = true;
    if (showMisses) for (const r of results.filter((x) => !x.answered)) console.log(`    MISS «${r.question.q}» → ${r.got}`);
    if (showMisses) for (const r of answered.filter((x) => x.words > 60)) console.log(`    LONG ${r.words} words «${r.question.q}» → ${r.got}`);
  }
} finally {
  await bot.close();
}
process.exit(failed ? 1 : 0);
