import { matchKey } from '../../core/normalize.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { numbersInWords, type Question } from '../../core/triage/index.js';
import { editDistance } from '../../core/understanding/edit-distance.js';
import { hasText, t, tListMatchKeys, tMatchKey } from '../i18n.js';

/** Lists of free-text words in locales/<lang>/triage.json (words.<list>). */
export type WordList = 'yes' | 'no' | 'dontKnow' | 'skip' | 'back' | 'done' | 'change' | 'showResult';

/** Codes that the shared yes/no/don't-know words answer, whatever the question. */
const GENERIC_WORDS: Record<string, WordList> = { JA: 'yes', NEI: 'no', VET_IKKE: 'dontKnow', USIKKER: 'dontKnow' };

/** The user's language first, then the others: people mix languages, and buttons may be pressed after a switch. */
function langsFrom(lang: Lang): Lang[] {
  return [lang, ...LANGUAGES.filter((l) => l !== lang)];
}

/** The list's words in matchKey form. */
function wordKeys(lang: Lang, list: WordList): readonly string[] {
  return tListMatchKeys(lang, `triage:words.${list}`);
}

/** True when the whole message is one of the words in the list (in any language). */
export function isWord(lang: Lang, text: string, list: WordList): boolean {
  const wanted = matchKey(text);
  return wanted.length > 0 && langsFrom(lang).some((l) => wordKeys(l, list).includes(wanted));
}

const optionLabelKey = (question: Question, code: string) => `${question.optionKeyPrefix}.${code}`;

export function optionLabel(lang: Lang, question: Question, code: string): string {
  return t(lang, optionLabelKey(question, code));
}

/** The option's label, synonyms and yes/no words, in matchKey form. */
function optionPhrases(lang: Lang, question: Question, code: string): string[] {
  const synonymsKey = `triage:synonyms.${question.id}.${code}`;
  const generic = GENERIC_WORDS[code];
  return [
    tMatchKey(lang, optionLabelKey(question, code)),
    ...(hasText(lang, synonymsKey) ? tListMatchKeys(lang, synonymsKey) : []),
    ...(generic ? wordKeys(lang, generic) : []),
  ].filter((p) => p.length > 0);
}

/** The option whose label, synonym or yes/no word is the whole message. */
export function exactOption(lang: Lang, question: Question, text: string): string | undefined {
  const wanted = matchKey(text);
  if (!wanted) return undefined;
  for (const l of langsFrom(lang)) {
    const code = question.codes?.find((c) => optionPhrases(l, question, c).includes(wanted));
    if (code) return code;
  }
  return undefined;
}

/** Length in characters of the longest phrase of this option found as whole words in the message. */
function longestPhraseIn(lang: Lang, question: Question, code: string, padded: string): number {
  let best = 0;
  for (const l of langsFrom(lang)) {
    for (const phrase of optionPhrases(l, question, code)) {
      if (phrase.length > best && padded.includes(` ${phrase} `)) best = phrase.length;
    }
  }
  return best;
}

/**
 * Options named inside a longer message ("nei, jeg vet ikke helt" → VET_IKKE; "lønn og dagpenger"
 * → LONN, DAGPENGER). A message that asks something ("hva er AAP?") is a question, not an answer.
 * For a single choice the longest matching phrase wins; a tie between options is no answer.
 */
export function optionsInText(lang: Lang, question: Question, text: string): string[] {
  if (text.includes('?')) return [];
  const padded = ` ${matchKey(text)} `;
  const scored = (question.codes ?? [])
    .map((code) => ({ code, score: longestPhraseIn(lang, question, code, padded) }))
    .filter((s) => s.score > 0);
  if (question.type === 'multi') return scored.map((s) => s.code);
  scored.sort((a, b) => b.score - a.score);
  if (scored.length === 0 || (scored.length > 1 && scored[0]!.score === scored[1]!.score)) return [];
  return [scored[0]!.code];
}

export type AgeParse = { kind: 'age'; age: number } | { kind: 'outOfRange' } | { kind: 'none' };

/** "34", "34 år", "jeg er 34", "I'm 34 years old", "trettifire", "thirty-four": one number in the message. */
export function parseAge(text: string, min: number, max: number): AgeParse {
  const numbers = [...(text.match(/\d+/g) ?? []).map(Number), ...numbersInWords(text)];
  if (numbers.length !== 1) return { kind: 'none' };
  const age = numbers[0]!;
  return age >= min && age <= max ? { kind: 'age', age } : { kind: 'outOfRange' };
}

/** "2", "nr 2", "2." or "nummer to": the option with that number in the list as shown (1 is the first). */
export function numberedOption(question: Question, text: string): string | undefined {
  const codes = question.codes ?? [];
  const key = matchKey(text).replace(/^(nr|nummer|number|no)\s+/, '');
  const n = /^\d+$/.test(key) ? Number(key) : numbersInWords(key).length === 1 && key.split(' ').length === 1 ? numbersInWords(key)[0] : undefined;
  return n !== undefined && n >= 1 && n <= codes.length ? codes[n - 1] : undefined;
}

/** Phrases shorter than this are not matched with a typo: "ja" one edit from "nå" is no answer. */
const MIN_TYPO_LENGTH = 5;

/**
 * The option one typing error away ("grunskole", "sykemeld", "homless"): the whole message against
 * each label and synonym, or one word of it against a one-word synonym. Two options equally near
 * is no answer.
 */
export function typoOption(lang: Lang, question: Question, text: string): string | undefined {
  const wanted = matchKey(text);
  if (wanted.length < MIN_TYPO_LENGTH) return undefined;
  const words = wanted.split(' ').filter((w) => w.length >= MIN_TYPO_LENGTH);
  const hits = new Set<string>();
  for (const l of langsFrom(lang)) {
    for (const code of question.codes ?? []) {
      for (const phrase of optionPhrases(l, question, code)) {
        if (phrase.length < MIN_TYPO_LENGTH) continue;
        const near = editDistance(wanted, phrase, 1) <= 1 || (!phrase.includes(' ') && words.some((w) => editDistance(w, phrase, 1) <= 1));
        if (near) hits.add(code);
      }
    }
    if (hits.size > 0) break;
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

