import type { TurnContext } from 'botbuilder';
import { DEFAULT_LANG, type Lang } from '../core/language.js';

/**
 * What the conversation has gathered so far, kept in conversation state under "veiviser".
 * Flows read and add to it; the handoff summary is built from it.
 */
export interface ConversationData {
  lang: Lang;
  /** The user's own request (bestilling), verbatim after redaction. */
  request?: string;
  /** The last finished questionnaire: answers by question id and the engine's assessment. */
  triage?: { answers: Record<string, unknown>; assessment: unknown; completedAt: string };
  /** Rights topics the bot has explained in this conversation (topic codes, e.g. "AAP"). */
  topicsExplained: string[];
  /** Consecutive messages the bot did not understand. */
  misses: number;
  /** True once the user has been told that identity numbers and the like are removed. */
  redactionNoticeGiven?: boolean;
  welcomed?: boolean;
  /** Same-day needs the user has told about (no money for food, nowhere to sleep): a handoff is then urgent. */
  urgentSignals?: ('URGENT_MONEY' | 'URGENT_HOUSING')[];
  /** Languages the bot has already offered to switch to; each is offered once. */
  languagesOffered?: Lang[];
  /** The check-in question is waiting for its answer; `text` is the message that raised it (redacted). */
  checkIn?: { kind: 'self_harm' | 'violence'; text?: string };
  /**
   * The questionnaire's answers so far while it is not finished (also after "avbryt", which only
   * pauses it): the next start goes on from here, and a handoff in between carries them.
   */
  triageDraft?: { answers: Record<string, unknown>; history: string[] };
  /** The bot's last message asked a yes/no question of its own: a person instead, or a switch of language. */
  askedYesNo?: { kind: 'human'; inFlow: boolean } | { kind: 'language'; lang: Lang };
  /** The intents the bot just offered with "did you mean …?" and the message that raised it (redacted). */
  clarifying?: { intents: string[]; question: string };
  /** The labels of the buttons the bot showed last, as match keys (see dialogs/root/offeredButtons.ts). */
  offeredButtons?: string[];
}

export function newConversationData(lang: Lang = DEFAULT_LANG): ConversationData {
  return { lang, topicsExplained: [], misses: 0 };
}

const LANG_KEY = 'veiviser.lang';
const DATA_KEY = 'veiviser.data';
const UNHANDLED_KEY = 'veiviser.unhandled';

/** The root pipeline puts the loaded ConversationData on the turn; flows read it here. */
export function setTurnData(ctx: TurnContext, data: ConversationData): void {
  ctx.turnState.set(DATA_KEY, data);
  ctx.turnState.set(LANG_KEY, data.lang);
}

export function turnData(ctx: TurnContext): ConversationData {
  const data = ctx.turnState.get(DATA_KEY) as ConversationData | undefined;
  if (!data) {
    // Flows under test may run without the root pipeline; give them a fresh record for the turn.
    const fresh = newConversationData(turnLang(ctx));
    ctx.turnState.set(DATA_KEY, fresh);
    return fresh;
  }
  return data;
}

export function turnLang(ctx: TurnContext): Lang {
  return (ctx.turnState.get(LANG_KEY) as Lang | undefined) ?? DEFAULT_LANG;
}

/**
 * A flow that receives text it cannot use as an answer (for example "hva er AAP?" at a yes/no
 * question) calls markUnhandled and sends nothing. The root dialog then classifies the text and
 * may start another flow on top; when that ends, the waiting flow's resumeDialog re-asks its
 * question. If nothing fits, the root calls repromptDialog on the waiting flow.
 */
export function markUnhandled(ctx: TurnContext): void {
  ctx.turnState.set(UNHANDLED_KEY, true);
}

export function isUnhandled(ctx: TurnContext): boolean {
  return ctx.turnState.get(UNHANDLED_KEY) === true;
}

export function clearUnhandled(ctx: TurnContext): void {
  ctx.turnState.delete(UNHANDLED_KEY);
}

const SAME_DAY_KEY = 'veiviser.sameDayShown';

/** The root has just shown the same-day help in this turn; a flow that goes on does not show it again. */
export function markSameDayShown(ctx: TurnContext): void {
  ctx.turnState.set(SAME_DAY_KEY, true);
}

export function sameDayShownThisTurn(ctx: TurnContext): boolean {
  return ctx.turnState.get(SAME_DAY_KEY) === true;
}

/**
 * A flow that is waiting for the user's own words (an open question, such as "what do you want
 * help with?") reports it, so the root can give that text to the flow even after the crisis
 * answer. `state` is the flow's own dialog instance state.
 */
export interface OpenQuestionDialog {
  awaitsFreeText(state: unknown): boolean;
}

/**
 * A flow that can outlive what it was for (the handoff flow waits while a veileder has the
 * conversation, and the handoff may end without the flow hearing of it) says when it is only
 * left over, so asking for it again starts it anew instead of repeating a finished wait.
 */
export interface LeftOverDialog {
  isLeftOver(ctx: TurnContext, state: unknown): Promise<boolean>;
}
