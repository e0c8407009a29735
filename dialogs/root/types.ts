import type { Storage, TurnContext } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { UrgentSignal } from '../../core/handoff/urgentSignals.js';
import type { Lang } from '../../core/language.js';
import type { ConversationData } from '../context.js';

/** Longer messages get a kind answer and are not processed or stored. */
export const MAX_MESSAGE_CHARS = 2000;
export interface IntentGuess {
  intent: string;
  score: number;
  language?: Lang;
  /** The likeliest readings, best first; without them only `intent` and `score` are weighed. */
  readings?: { intent: string; score: number }[];
}

export type SafetyKind = 'self_harm' | 'violence' | 'emergency_aid';

/** What the crisis check decided (core/safety): the crisis text, the check-in question, or same-day help. */
export interface SafetyDecision {
  answer: 'crisis' | 'check_in' | 'emergency';
  kind: SafetyKind;
}

/** The pieces of understanding the root needs; each may be missing (then that step is skipped). */
export interface Understanding {
  classify(text: string, lang: Lang): IntentGuess | Promise<IntentGuess>;
  detectLanguage?(text: string): Lang | undefined;
}

/** Hooks into flows owned elsewhere (safety texts, emergency help, handoff, privacy). */
export interface RootHooks {
  /** Runs first on every message; returns true when the turn was handled (e.g. relayed to a veileder). */
  beforeTurn?(ctx: TurnContext, data: ConversationData): Promise<boolean>;
  /** Removes personal data from the user's text before any flow or store sees it. */
  redact?(text: string, lang: Lang): { text: string; kinds: readonly string[] };
  /** `ownButton`: the text is the label of a button the bot just showed (the classifier then keeps out). */
  checkSafety?(text: string, options?: { ownButton?: boolean }): SafetyDecision | null;
  /** True while a handoff is queued or accepted: the veileder then sees what the person writes. */
  withVeileder?(ctx: TurnContext): Promise<boolean>;
  emergencyReply?(ctx: TurnContext, lang: Lang): Promise<void>;
  redactionNotice?(ctx: TurnContext, lang: Lang): Promise<void>;
  /** Starts the way to a human; without it the bot gives NAV's phone number. */
  startHandoff?(dc: DialogContext, options: { urgentSignals: UrgentSignal[] }): Promise<unknown>;
  privacy?(dc: DialogContext, action: 'info' | 'delete'): Promise<unknown>;
}

export interface VeiviserBotOptions {
  storage: Storage;
  retentionDays: number;
  flows: Dialog[];
  understanding?: Understanding;
  hooks?: RootHooks;
}
