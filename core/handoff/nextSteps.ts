import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A rule fires when any one of its criteria matches. */
export interface NextStepRule {
  code: string;
  when: {
    flagsAny?: string[];
    rightsAny?: string[];
    topicsAny?: string[];
    noTriage?: boolean;
    needsWorkAbilityAssessment?: boolean;
    userDisagrees?: boolean;
  };
}

export interface NextStepData {
  source: string;
  checked: string;
  /** Which triage questions describe which life area (the thesis's arenas). */
  lifeAreaQuestions: Record<string, string>;
  urgent: {
    flags: string[];
    topics: Record<string, string>;
    lifeAreas: Array<{ area: string; status: string; flag: string }>;
  };
  rules: NextStepRule[];
}

export const NEXT_STEPS_FILE = fileURLToPath(new URL('../../data/handoff/next-steps.json', import.meta.url));

const CRITERIA = new Set(['flagsAny', 'rightsAny', 'topicsAny', 'noTriage', 'needsWorkAbilityAssessment', 'userDisagrees']);

export function loadNextSteps(file = NEXT_STEPS_FILE): NextStepData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as NextStepData;
  if (!data.source || !data.checked || !Array.isArray(data.rules) || !data.urgent || !data.lifeAreaQuestions) {
    throw new Error('next-steps: source, checked, lifeAreaQuestions, urgent and rules are required');
  }
  for (const rule of data.rules) {
    const keys = Object.keys(rule.when ?? {});
    if (!rule.code || keys.length === 0 || keys.some((k) => !CRITERIA.has(k))) {
      throw new Error(`next-steps: rule "${rule.code ?? '?'}" has no or unknown criteria`);
    }
  }
  return data;
}

export interface NextStepFacts {
  flags: readonly string[];
  rights: readonly string[];
  topics: readonly string[];
  hasTriage: boolean;
  needsWorkAbilityAssessment: boolean;
  userDisagrees: boolean;
}

export function nextStepCodes(rules: readonly NextStepRule[], facts: NextStepFacts): string[] {
  const any = (list: readonly string[] | undefined, have: readonly string[]) => (list ?? []).some((x) => have.includes(x));
  const fired = rules.filter(({ when }) =>
    any(when.flagsAny, facts.flags) ||
    any(when.rightsAny, facts.rights) ||
    any(when.topicsAny, facts.topics) ||
    (when.noTriage === true && !facts.hasTriage) ||
    (when.needsWorkAbilityAssessment === true && facts.needsWorkAbilityAssessment) ||
    (when.userDisagrees === true && facts.userDisagrees),
  );
  return [...new Set(fired.map((r) => r.code))];
}
