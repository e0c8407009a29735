/**
 * The life of one handoff, as specs/handoff.md defines it:
 * offered → consented → queued → accepted → closed, with declined, cancelled, returned and expired.
 * The transition table is the single place that says what may follow what; everything else
 * (dialogs, relay, veileder API) asks it and maps a refusal to "409 Conflict".
 */
export const HANDOFF_STATES = [
  'offered',
  'consented',
  'queued',
  'accepted',
  'closed',
  'declined',
  'cancelled',
  'returned',
  'expired',
] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** Who caused a change: kept in the history so the record shows who did what (never message text). */
export type HandoffActor = 'user' | 'veileder' | 'system';

const ALLOWED: Readonly<Record<HandoffState, readonly HandoffState[]>> = {
  // The user sees the summary and chooses; leaving the conversation counts as cancelling.
  offered: ['consented', 'declined', 'cancelled'],
  // Consent given; queued at once, or cancelled if the user changes their mind before that.
  consented: ['queued', 'cancelled'],
  // Waiting: a veileder takes it, hands it back unread, closes it (for example handled by phone),
  // the user leaves the queue, or nobody answers in time.
  queued: ['accepted', 'returned', 'closed', 'cancelled', 'expired'],
  // In conversation with a veileder.
  accepted: ['closed', 'returned', 'cancelled'],
  closed: [],
  declined: [],
  cancelled: [],
  returned: [],
  expired: [],
};

/** States in which the bot stays silent except for safety, cancel and queue updates. */
export const ACTIVE_STATES: readonly HandoffState[] = ['queued', 'accepted'];

export function isHandoffState(value: unknown): value is HandoffState {
  return typeof value === 'string' && (HANDOFF_STATES as readonly string[]).includes(value);
}

export function canTransition(from: HandoffState, to: HandoffState): boolean {
  return ALLOWED[from].includes(to);
}

export function isTerminal(state: HandoffState): boolean {
  return ALLOWED[state].length === 0;
}

export function isActive(state: HandoffState): boolean {
  return ACTIVE_STATES.includes(state);
}

/** A state change the spec does not allow. The veileder API answers it with 409. */
export class HandoffTransitionError extends Error {
  readonly code = 'HANDOFF_TRANSITION_REFUSED';
  constructor(
    readonly from: HandoffState,
    readonly to: HandoffState,
  ) {
    super(`A handoff in state "${from}" cannot become "${to}"`);
    this.name = 'HandoffTransitionError';
  }
}

export interface HandoffEvent {
  state: HandoffState;
  at: string;
  by: HandoffActor;
}

/** The part of a handoff record the state machine looks after. */
export interface HandoffLifecycle {
  state: HandoffState;
  /** When a queued handoff that nobody has accepted expires (ISO). */
  expiresAt?: string;
  history: HandoffEvent[];
}

/** Returns the record in its new state with the change appended to its history; never mutates. */
export function transition<T extends HandoffLifecycle>(record: T, to: HandoffState, by: HandoffActor, now: Date): T {
  if (!canTransition(record.state, to)) throw new HandoffTransitionError(record.state, to);
  return { ...record, state: to, history: [...record.history, { state: to, at: now.toISOString(), by }] };
}

/** True when a queued handoff has waited past its expiry time without a veileder taking it. */
export function isDue(record: HandoffLifecycle, now: Date): boolean {
  return record.state === 'queued' && record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime();
}

/** Expires the handoff when it is due; otherwise returns it unchanged (same object). */
export function expireIfDue<T extends HandoffLifecycle>(record: T, now: Date): T {
  return isDue(record, now) ? transition(record, 'expired', 'system', now) : record;
}
