import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUESTION_IDS, SPEC_CODES, type QuestionId } from './codes.js';

/** A declarative "asked when" condition over earlier answers. */
export type Condition =
  | { question: QuestionId; in: string[] }
  | { question: QuestionId; notIn: string[] }
  | { question: QuestionId; includes: string }
  | { any: Condition[] }
  | { all: Condition[] };

export type QuestionType = 'text' | 'integer' | 'single' | 'multi';
export type Section = 'request' | 'work' | 'life' | 'self';

export interface Question {
  id: QuestionId;
  type: QuestionType;
  section: Section;
  /** Answer codes for single and multi questions, in the order they are offered. */
  codes?: string[];
  /** Multi: codes that cannot be combined with others ("INGEN"). */
  exclusiveCodes?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** When absent the question is always asked. */
  askWhen?: Condition;
  /** The value the rules use when askWhen is false (workedSixOfTwelve is NEI for ALDRI_HATT_JOBB). */
  impliedWhenNotAsked?: string;
  /** Answers that need help the same day, with the urgent signal each gives (money NEI, housing UTEN_BOLIG). */
  sameDay?: Record<string, 'URGENT_MONEY' | 'URGENT_HOUSING'>;
  textKey: string;
  labelKey: string;
  /** Option labels are at `${optionKeyPrefix}.${code}`. */
  optionKeyPrefix?: string;
  /** Why we ask (data minimisation: no question without a purpose). */
  purpose: string;
  source: string;
}

export interface QuestionBank {
  source: string;
  updated: string;
  questions: Question[];
}

export const QUESTION_BANK_PATH = fileURLToPath(new URL('../../data/triage/questions.json', import.meta.url));

export class QuestionBankError extends Error {
  override name = 'QuestionBankError';
}

const TYPES: readonly QuestionType[] = ['text', 'integer', 'single', 'multi'];
const SECTIONS: readonly Section[] = ['request', 'work', 'life', 'self'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Parses and checks a question bank; throws QuestionBankError naming the bad entry. */
export function parseQuestionBank(raw: unknown): QuestionBank {
  if (!isRecord(raw)) throw new QuestionBankError('question bank: expected an object');
  if (typeof raw.source !== 'string' || !raw.source) throw new QuestionBankError('question bank: "source" is missing');
  if (typeof raw.updated !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.updated)) {
    throw new QuestionBankError('question bank: "updated" must be a date YYYY-MM-DD');
  }
  if (!Array.isArray(raw.questions)) throw new QuestionBankError('question bank: "questions" must be an array');

  const seen = new Map<string, Question>();
  const questions: Question[] = raw.questions.map((entry: unknown, index: number) => {
    const where = isRecord(entry) && typeof entry.id === 'string' ? `question "${entry.id}"` : `question #${index}`;
    const fail = (msg: string): never => {
      throw new QuestionBankError(`question bank: ${where}: ${msg}`);
    };
    if (!isRecord(entry)) return fail('expected an object');
    const id = entry.id;
    if (typeof id !== 'string' || !(QUESTION_IDS as readonly string[]).includes(id)) fail('unknown id (not in specs/triage.md)');
    if (seen.has(id as string)) fail('duplicate id');
    if (!TYPES.includes(entry.type as QuestionType)) fail(`"type" must be one of ${TYPES.join(', ')}`);
    if (!SECTIONS.includes(entry.section as Section)) fail(`"section" must be one of ${SECTIONS.join(', ')}`);
    for (const key of ['textKey', 'labelKey', 'purpose', 'source'] as const) {
      if (typeof entry[key] !== 'string' || !(entry[key] as string).trim()) fail(`"${key}" is missing`);
    }
    const type = entry.type as QuestionType;
    if (type === 'single' || type === 'multi') {
      if (!isStringArray(entry.codes) || entry.codes.length === 0) fail('"codes" must be a non-empty list');
      const expected = SPEC_CODES[id as keyof typeof SPEC_CODES] as readonly string[] | undefined;
      const codes = entry.codes as string[];
      if (!expected) fail('has codes but the spec gives it none');
      else if (codes.length !== expected.length || !expected.every((c) => codes.includes(c))) {
        fail(`codes differ from the spec (expected ${expected.join(', ')})`);
      }
      if (new Set(codes).size !== codes.length) fail('duplicate code');
      if (typeof entry.optionKeyPrefix !== 'string' || !entry.optionKeyPrefix) fail('"optionKeyPrefix" is missing');
      if (entry.exclusiveCodes !== undefined && (!isStringArray(entry.exclusiveCodes) || entry.exclusiveCodes.some((c) => !codes.includes(c)))) {
        fail('"exclusiveCodes" must be codes of this question');
      }
    } else if (entry.codes !== undefined) {
      fail(`a ${type} question has no codes`);
    }
    if (type === 'integer' && (!Number.isInteger(entry.min) || !Number.isInteger(entry.max) || (entry.min as number) > (entry.max as number))) {
      fail('"min" and "max" must be integers, min ≤ max');
    }
    if (type === 'text' && (!Number.isInteger(entry.maxLength) || (entry.maxLength as number) < 1)) fail('"maxLength" must be a positive integer');
    if (entry.askWhen !== undefined) checkCondition(entry.askWhen, seen, fail);
    if (entry.impliedWhenNotAsked !== undefined) {
      if (entry.askWhen === undefined) fail('"impliedWhenNotAsked" needs "askWhen"');
      if (!(entry.codes as string[] | undefined)?.includes(entry.impliedWhenNotAsked as string)) fail('"impliedWhenNotAsked" must be one of its codes');
    }
    if (entry.sameDay !== undefined) {
      const sameDay = entry.sameDay;
      if (!isRecord(sameDay)) return fail('"sameDay" must map codes to URGENT_MONEY or URGENT_HOUSING');
      for (const [code, signal] of Object.entries(sameDay)) {
        if (!(entry.codes as string[] | undefined)?.includes(code)) fail(`"sameDay" uses unknown code "${code}"`);
        if (signal !== 'URGENT_MONEY' && signal !== 'URGENT_HOUSING') fail(`"sameDay" gives unknown signal "${String(signal)}"`);
      }
    }
    const question = entry as unknown as Question;
    seen.set(id as string, question);
    return question;
  });
  for (const id of QUESTION_IDS) {
    if (!seen.has(id)) throw new QuestionBankError(`question bank: question "${id}" from the spec is missing`);
  }
  return { source: raw.source, updated: raw.updated, questions };
}

/** A condition may only look at questions declared before it, so asking in order is always possible. */
function checkCondition(cond: unknown, earlier: Map<string, Question>, fail: (msg: string) => never): void {
  if (!isRecord(cond)) fail('"askWhen" must be an object');
  const c = cond as Record<string, unknown>;
  if (Array.isArray(c.any) || Array.isArray(c.all)) {
    const list = (c.any ?? c.all) as unknown[];
    if (list.length === 0) fail('"askWhen": empty any/all');
    for (const sub of list) checkCondition(sub, earlier, fail);
    return;
  }
  const target = typeof c.question === 'string' ? earlier.get(c.question) : undefined;
  if (!target) fail(`"askWhen" refers to "${String(c.question)}", which is not an earlier question`);
  const codes = target!.codes ?? [];
  const used = isStringArray(c.in) ? c.in : isStringArray(c.notIn) ? c.notIn : typeof c.includes === 'string' ? [c.includes] : undefined;
  if (!used) fail('"askWhen" needs one of in, notIn, includes, any, all');
  if (typeof c.includes === 'string' && target!.type !== 'multi') fail('"includes" works on multi questions only');
  const unknown = used!.find((code) => !codes.includes(code));
  if (unknown) fail(`"askWhen" uses unknown code "${unknown}" of "${target!.id}"`);
}

/** Reads and validates data/triage/questions.json (or another file). Throws on a bad entry. */
export function loadQuestionBank(path = QUESTION_BANK_PATH): QuestionBank {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new QuestionBankError(`question bank: cannot read ${path}: ${(err as Error).message}`);
  }
  return parseQuestionBank(raw);
}

let cached: QuestionBank | undefined;

/** The project's question bank, loaded and validated once. */
export function questionBank(): QuestionBank {
  cached ??= loadQuestionBank();
  return cached;
}

export function questionById(id: QuestionId, bank = questionBank()): Question {
  const q = bank.questions.find((x) => x.id === id);
  if (!q) throw new QuestionBankError(`question bank: no question "${id}"`);
  return q;
}
