import { readFileSync } from 'node:fs';
import type { Lang } from '../../core/language.js';
import { isTopicCode, type TopicCode } from '../../core/rights/catalogue.js';
import { osloDate } from '../../core/rights/dates.js';
import { isSituation, type Situation } from '../../core/rights/points.js';
import { renderBrief, renderShort, wordCount } from '../../dialogs/rights/render.js';
import { emergencyTexts, joined, type FlowBot, type Seen } from '../helpers/flowHarness.js';

/** One row of the table: a first message and what must answer it. */
export interface FirstTurnQuestion {
  q: string;
  topic?: TopicCode;
  /** The parts that must answer; empty means the topic's short answer. */
  parts?: string[];
  situation?: Situation;
  emergency?: boolean;
}

export interface FirstTurnResult {
  question: FirstTurnQuestion;
  answered: boolean;
  /** Words of the answer before its source line (the first reply's first message). */
  words: number;
  buttons: number;
  got: string;
}

export function loadFirstTurns(lang: Lang): FirstTurnQuestion[] {
  const raw = JSON.parse(readFileSync(new URL(`./firstTurn/${lang}.json`, import.meta.url), 'utf8')) as { questions: FirstTurnQuestion[] };
  for (const q of raw.questions) {
    if (!q.emergency && (!isTopicCode(q.topic) || !Array.isArray(q.parts))) throw new Error(`firstTurn/${lang}.json: «${q.q}» needs a topic and parts`);
    if (q.situation !== undefined && !isSituation(q.situation)) throw new Error(`firstTurn/${lang}.json: «${q.q}» has an unknown situation`);
  }
  return raw.questions;
}

/** The text that must be in the first reply: the brief answer to the parts, the short answer, or the same-day answer. */
function expectedTexts(lang: Lang, q: FirstTurnQuestion, from: Date, to: Date): string[] {
  if (q.emergency) return emergencyTexts(lang, from, to);
  const today = osloDate(to);
  const topic = q.topic as TopicCode;
  if (!q.parts?.length) return [renderShort(lang, topic, today)];
  const brief = renderBrief(lang, topic, q.parts, today, q.situation);
  return brief ? [brief.body] : [];
}

/** The answer's words before the source line and the "what more" question. */
function answerWords(reply: Seen | undefined): number {
  const text = reply?.text ?? '';
  const cut = text.split(/\n\n(?=Kilde:|Kjelde:|Source:|Hva vil du|Kva vil du|What would you)/)[0] ?? '';
  return wordCount(cut);
}

/** Each question as the first message of a new conversation through the whole bot. */
export async function runFirstTurns(bot: FlowBot, lang: Lang, questions = loadFirstTurns(lang)): Promise<FirstTurnResult[]> {
  const results: FirstTurnResult[] = [];
  for (const question of questions) {
    const citizen = await bot.citizen(lang);
    const from = new Date();
    const replies = await citizen.say(question.q);
    const expected = expectedTexts(lang, question, from, new Date());
    const all = joined(replies);
    const answered = expected.length > 0 && expected.some((e) => all.includes(e));
    results.push({ question, answered, words: answerWords(replies[0]), buttons: replies.at(-1)?.buttons.length ?? 0, got: all.slice(0, 160).replace(/\n/g, ' ') });
  }
  return results;
}

export function share(results: readonly FirstTurnResult[]): number {
  return results.length === 0 ? 0 : results.filter((r) => r.answered).length / results.length;
}
