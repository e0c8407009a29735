import { loadNextSteps, nextStepCodes, type NextStepData } from './nextSteps.js';
import { PRIORITIES } from '../triage/codes.js';
import {
  type AssessmentView,
  type HandoffSummary,
  type LifeArea,
  type Priority,
  type SummaryInput,
  type Translate,
} from './summaryTypes.js';

let defaultData: NextStepData | undefined;
function data(): NextStepData {
  defaultData ??= loadNextSteps();
  return defaultData;
}

function asAssessment(value: unknown): AssessmentView | null {
  return typeof value === 'object' && value !== null ? (value as AssessmentView) : null;
}

/** The more urgent of two (PRIORITIES goes from ordinary to urgent). */
function highest(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) >= PRIORITIES.indexOf(b) ? a : b;
}

/** The answer codes of the life-area questions, as areas with a status (the thesis's arenas). */
export function lifeAreasFromAnswers(answers: Record<string, unknown>, rules: NextStepData = data()): LifeArea[] {
  const areas: LifeArea[] = [];
  for (const [questionId, area] of Object.entries(rules.lifeAreaQuestions)) {
    const answer = answers[questionId];
    if (typeof answer === 'string') areas.push({ area, status: answer });
  }
  return areas;
}

/** A short label for one answer: "Helseproblemer: Ja". Unknown codes are shown as they are. */
export function answerLabel(questionId: string, answer: unknown, tr: Translate): string {
  const question = known(tr, `question.${questionId}`) ?? questionId;
  return `${question}: ${answerText(answer, tr)}`;
}

function answerText(answer: unknown, tr: Translate): string {
  if (answer === null || answer === undefined) return tr('answer.skipped');
  if (Array.isArray(answer)) return answer.map((a) => answerText(a, tr)).join(', ');
  if (typeof answer === 'string') return known(tr, `code.${answer}`) ?? answer;
  return String(answer);
}

/** The translation, or undefined when the key has none (i18next gives the key back then). */
export function known(tr: Translate, key: string): string | undefined {
  const text = tr(key);
  return text === key || text.endsWith(`:${key}`) ? undefined : text;
}

/**
 * Builds the summary of specs/handoff.md. Answers are labelled with `labels` (the veileder's
 * language, normally bokmål). Suggested next steps come from the rules in data, never from free
 * inference; priority is the triage priority raised to URGENT for any same-day need, even when no
 * questionnaire was done.
 */
export function buildSummary(input: SummaryInput, labels: Translate, rules: NextStepData = data()): HandoffSummary {
  const assessment = asAssessment(input.triage?.assessment);
  // The request (goal) is the person's own words, shown as such; it is not repeated as an answer.
  const { goal: _goal, ...answers } = input.triage?.answers ?? {};

  const lifeAreas: HandoffSummary['lifeAreas'] = [
    ...lifeAreasFromAnswers(answers, rules).map((a) => ({ ...a, origin: 'USER_ANSWERS' as const })),
    ...(input.lifeAreas ?? []).map((a) => ({ ...a, origin: a.note ? ('USER_WORDS' as const) : ('USER_ANSWERS' as const) })),
  ];

  const flags = new Set(assessment?.flags ?? []);
  for (const signal of input.urgentSignals ?? []) flags.add(signal);
  for (const topic of input.topicsExplained) {
    const flag = rules.urgent.topics[topic];
    if (flag) flags.add(flag);
  }
  for (const a of lifeAreas) {
    const hit = rules.urgent.lifeAreas.find((u) => u.area === a.area && u.status === a.status);
    if (hit) flags.add(hit.flag);
  }

  let priority: Priority = assessment?.priority && PRIORITIES.includes(assessment.priority) ? assessment.priority : 'ORDINARY';
  if ([...flags].some((f) => rules.urgent.flags.includes(f))) priority = highest(priority, 'URGENT');

  const codes = nextStepCodes(rules.rules, {
    flags: [...flags],
    rights: assessment?.relevantRights ?? [],
    topics: input.topicsExplained,
    hasTriage: input.triage !== null,
    needsWorkAbilityAssessment: assessment?.needsWorkAbilityAssessment === true,
    userDisagrees: assessment?.userDisagrees === true,
  });

  const shared = input.shareTranscript === true;
  return {
    id: input.id,
    createdAt: input.createdAt.toISOString(),
    channel: input.channel,
    language: input.language,
    priority,
    request: input.request,
    userConfirmed: false,
    assessment,
    triageUnfinished: input.triage?.unfinished === true,
    answers: Object.entries(answers).map(([questionId, answer]) => ({
      questionId,
      answer: Array.isArray(answer) ? answer.map(String).join(',') : answer === null || answer === undefined ? '' : String(answer),
      label: answerLabel(questionId, answer, labels),
      origin: 'USER_ANSWERS' as const,
    })),
    lifeAreas,
    flags: [...flags],
    topicsExplained: [...input.topicsExplained],
    suggestedNextSteps: codes.map((code) => labels(`nextStep.${code}`)),
    nextStepCodes: codes,
    consent: null,
    transcript: shared ? [...(input.transcript ?? [])] : [],
    origins: {
      request: 'USER_WORDS',
      answers: 'USER_ANSWERS',
      lifeAreas: 'USER_ANSWERS',
      assessment: 'CHAT_ASSESSMENT',
      flags: 'CHAT_ASSESSMENT',
      suggestedNextSteps: 'CHAT_ASSESSMENT',
      topicsExplained: 'CHAT_RECORD',
      transcript: 'CHAT_RECORD',
    },
  };
}

/** The summary after the user said yes: marked confirmed with the time of consent. */
export function confirmSummary(summary: HandoffSummary, at: Date): HandoffSummary {
  return { ...summary, userConfirmed: true, consent: { at: at.toISOString(), sharedTranscript: summary.transcript.length > 0 } };
}
