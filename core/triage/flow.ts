import type { Answers, QuestionId } from './codes.js';
import { questionBank, type Condition, type Question, type QuestionBank } from './questionBank.js';

function valueOf(answers: Answers, id: QuestionId): unknown {
  return (answers as Record<string, unknown>)[id];
}

/**
 * Evaluates an "asked when" condition. A skipped or unasked answer is in no list, so `in` is false
 * and `notIn` is true for it (the spec's "is not NEI" includes a skipped answer).
 */
export function conditionHolds(cond: Condition, answers: Answers): boolean {
  if ('any' in cond) return cond.any.some((c) => conditionHolds(c, answers));
  if ('all' in cond) return cond.all.every((c) => conditionHolds(c, answers));
  const value = valueOf(answers, cond.question);
  if ('includes' in cond) return Array.isArray(value) && value.includes(cond.includes);
  if ('in' in cond) return typeof value === 'string' && cond.in.includes(value);
  return !(typeof value === 'string' && cond.notIn.includes(value));
}

export function isApplicable(question: Question, answers: Answers): boolean {
  return question.askWhen === undefined || conditionHolds(question.askWhen, answers);
}

/** The questions that apply given the answers so far, in bank order. */
export function applicableQuestions(answers: Answers, bank: QuestionBank = questionBank()): Question[] {
  return bank.questions.filter((q) => isApplicable(q, answers));
}

/**
 * The next question to ask: the first one that applies and is not in `asked` (ids already answered
 * or skipped). `sections` limits the search, e.g. to the work and life questions.
 */
export function nextQuestion(
  answers: Answers,
  asked: Iterable<string>,
  options: { sections?: readonly Question['section'][]; bank?: QuestionBank } = {},
): Question | undefined {
  const done = new Set(asked);
  return applicableQuestions(answers, options.bank).find(
    (q) => !done.has(q.id) && (options.sections === undefined || options.sections.includes(q.section)),
  );
}

/**
 * Drops answers to questions that no longer apply (after the user changed an earlier answer),
 * repeating until stable because one drop can switch off a later question.
 */
export function pruneAnswers(answers: Answers, bank: QuestionBank = questionBank()): Answers {
  let current: Record<string, unknown> = { ...answers };
  for (;;) {
    const next: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(current)) {
      const q = bank.questions.find((x) => x.id === id);
      if (!q || isApplicable(q, current as Answers)) next[id] = value;
    }
    if (Object.keys(next).length === Object.keys(current).length) return next as Answers;
    current = next;
  }
}

/** The answers the rules read: implied values for questions that were not asked because of an earlier answer. */
export function effectiveAnswers(answers: Answers, bank: QuestionBank = questionBank()): Answers {
  const result: Record<string, unknown> = { ...answers };
  for (const q of bank.questions) {
    if (q.impliedWhenNotAsked !== undefined && !isApplicable(q, answers)) result[q.id] = q.impliedWhenNotAsked;
  }
  return result as Answers;
}
