import { readFileSync } from 'node:fs';

interface KeyFactRule {
  question: string;
  codes: string[];
  fact: string;
}

const FILE = new URL('../../data/handoff/key-facts.json', import.meta.url);
let rules: KeyFactRule[] | undefined;

function keyFactRules(): KeyFactRule[] {
  rules ??= (JSON.parse(readFileSync(FILE, 'utf8')) as { facts: KeyFactRule[] }).facts;
  return rules;
}

/** The short summary shows at most this many facts: it must fit about two phone screens. */
export const MAX_KEY_FACTS = 5;

/** The fact codes the person's answers give, most important first (data/handoff/key-facts.json). */
export function keyFacts(answers: ReadonlyArray<{ questionId: string; answer: string }>): string[] {
  const given = new Map(answers.map((a) => [a.questionId, a.answer.split(',')]));
  const facts = keyFactRules()
    .filter((r) => given.get(r.question)?.some((code) => r.codes.includes(code)))
    .map((r) => r.fact);
  return [...new Set(facts)].slice(0, MAX_KEY_FACTS);
}
