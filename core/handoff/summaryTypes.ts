import type { Lang } from '../language.js';
import type { Priority } from '../triage/codes.js';

export type { Priority };

/**
 * Where a piece of the summary comes from, so the veileder can tell the person's own voice from
 * what the chat concluded (seed-digest §5, B4/H2).
 */
export type Origin = 'USER_WORDS' | 'USER_ANSWERS' | 'CHAT_ASSESSMENT' | 'CHAT_RECORD';

/** The triage engine's output as far as the handoff reads it (specs/triage.md). */
export interface AssessmentView {
  level?: string;
  profilering?: string;
  needsWorkAbilityAssessment?: boolean;
  userDisagrees?: boolean;
  threatenedArenas?: number;
  flags?: string[];
  relevantRights?: string[];
  priority?: Priority;
  reasons?: Array<{ code: string; questionIds: string[] }>;
}

export interface LifeArea {
  area: string;
  status: string;
  /** The user's own words about this area, if they wrote any. */
  note?: string;
}

export interface TranscriptLine {
  from: 'user' | 'bot';
  at: string;
  text: string;
}

export interface SummaryInput {
  id: string;
  createdAt: Date;
  channel: string;
  language: Lang;
  /** The user's bestilling in their own words, already redacted. */
  request: string;
  /** `unfinished`: the person stopped or asked for a person before the last question; the answers so far count. */
  triage: { answers: Record<string, unknown>; assessment: unknown; unfinished?: boolean } | null;
  topicsExplained: readonly string[];
  /** Life areas the caller knows about; areas implied by triage answers are added. */
  lifeAreas?: readonly LifeArea[];
  /** Same-day needs noticed outside the questionnaire (e.g. the crisis check's emergency_aid). */
  urgentSignals?: ReadonlyArray<'URGENT_MONEY' | 'URGENT_HOUSING'>;
  /** The redacted conversation; shared only when the user chose to share it. */
  transcript?: readonly TranscriptLine[];
  shareTranscript?: boolean;
}

/** The summary JSON of specs/handoff.md. */
export interface HandoffSummary {
  id: string;
  createdAt: string;
  channel: string;
  language: Lang;
  priority: Priority;
  request: string;
  /** True once the user has seen the rendered summary and said yes. */
  userConfirmed: boolean;
  assessment: AssessmentView | null;
  /** True when the answers are from a questionnaire the person had not finished (then there is no assessment). */
  triageUnfinished?: boolean;
  answers: Array<{ questionId: string; answer: string; label: string; origin: 'USER_ANSWERS' }>;
  lifeAreas: Array<LifeArea & { origin: 'USER_ANSWERS' | 'USER_WORDS' }>;
  flags: string[];
  topicsExplained: string[];
  suggestedNextSteps: string[];
  /** The rule codes behind suggestedNextSteps (data/handoff/next-steps.json). */
  nextStepCodes: string[];
  consent: { at: string; sharedTranscript: boolean } | null;
  transcript: TranscriptLine[];
  /** Which fields are whose: the person's own words, their answers, or the chat's inference. */
  origins: Record<'request' | 'answers' | 'lifeAreas' | 'assessment' | 'flags' | 'suggestedNextSteps' | 'topicsExplained' | 'transcript', Origin>;
}

/** Texts come from the caller (core does not read locales): keys are relative to the handoff namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A summary rendered as NAV's dialog format: a heading ≤ 100 characters and a text ≤ 5 000. */
export interface RenderedSummary {
  lang: Lang;
  heading: string;
  text: string;
  /**
   * The first part of `text` (request, urgency, indication, key facts) with the footer: what the
   * chat shows first, with all the answers one tap away. Absent in copies stored before it existed.
   */
  short?: string;
}
