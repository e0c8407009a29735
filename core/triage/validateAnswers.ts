import type { Answers } from './codes.js';
import { questionBank, type QuestionBank } from './questionBank.js';

export type AnswersValidation =
  | { ok: true; answers: Answers }
  | { ok: false; field: string; message: string };

/**
 * Checks an answers object from outside (command line, stored state) against the question bank.
 * Returns the first bad field: an unknown question id, an unknown code, or a wrong type.
 * `null` is always allowed (a skipped question).
 */
export function validateAnswers(obj: unknown, bank: QuestionBank = questionBank()): AnswersValidation {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { ok: false, field: 'answers', message: 'expected an object of answers by question id' };
  }
  for (const [id, value] of Object.entries(obj)) {
    const q = bank.questions.find((x) => x.id === id);
    const bad = (message: string): AnswersValidation => ({ ok: false, field: id, message });
    if (!q) return bad('unknown question id');
    if (value === null) continue;
    switch (q.type) {
      case 'text':
        if (typeof value !== 'string') return bad('expected text or null');
        if (value.length > (q.maxLength ?? Infinity)) return bad(`text longer than ${q.maxLength} characters`);
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return bad(`expected a whole number from ${q.min} to ${q.max}, or null`);
        if (value < (q.min ?? -Infinity) || value > (q.max ?? Infinity)) return bad(`${value} is outside ${q.min}–${q.max}`);
        break;
      case 'single':
        if (typeof value !== 'string') return bad(`expected one of ${q.codes?.join(', ')}, or null`);
        if (!q.codes?.includes(value)) return bad(`unknown code "${value}"`);
        break;
      case 'multi': {
        if (!Array.isArray(value)) return bad('expected a list of codes, or null');
        const unknown = value.find((v) => typeof v !== 'string' || !q.codes?.includes(v));
        if (unknown !== undefined) return bad(`unknown code ${JSON.stringify(unknown)}`);
        if (new Set(value).size !== value.length) return bad('a code is listed twice');
        const exclusive = value.find((v) => q.exclusiveCodes?.includes(v as string));
        if (exclusive !== undefined && value.length > 1) return bad(`"${exclusive}" cannot be combined with other codes`);
        break;
      }
    }
  }
  return { ok: true, answers: obj as Answers };
}
