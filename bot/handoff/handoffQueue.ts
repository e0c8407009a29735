import { randomUUID } from 'node:crypto';
import type { Availability } from '../../core/availability/availability.js';
import { consentCopy, HANDOFF_RECORD_KIND, queueOrder, teamsPostsOf, type HandoffRecord, type TeamsPosts } from '../../core/handoff/record.js';
import {
  canTransition,
  HANDOFF_STATES,
  HandoffTransitionError,
  transition,
  type HandoffActor,
  type HandoffState,
} from '../../core/handoff/stateMachine.js';
import type { EnqueueInput, HandoffQueuePort } from '../../core/handoff/ports.js';
import { confirmSummary } from '../../core/handoff/summary.js';
import type { RecordStore } from '../storage/recordStore.js';
import { HandoffNotFoundError } from './errors.js';
import type { QueueSettings } from './settings.js';
import { URGENT_LIMITED_FLAG } from './urgentLimit.js';

export interface VeilederIdentity {
  id: string;
  name?: string;
}

export type MessageFrom = 'user' | 'veileder' | 'system';

export interface HandoffMessage {
  seq: number;
  at: string;
  from: MessageFrom;
  text: string;
}

export interface HandoffQueueOptions {
  records: RecordStore;
  availability: Availability;
  settings: QueueSettings;
  clock?: () => Date;
  /** How many veiledere are signed in now (page or Teams); used for the wait estimate. */
  veiledereOnline?: () => number;
  /** False when an urgent handoff is over the limit for its address (see urgentLimit.ts). */
  allowUrgent?: (input: EnqueueInput) => boolean;
}

const KIND = HANDOFF_RECORD_KIND;
const OPEN: HandoffState[] = ['queued', 'accepted'];

/** The states a handoff may be in for a move to `to`, from the state machine's table. */
function statesBefore(to: HandoffState): HandoffState[] {
  return HANDOFF_STATES.filter((from) => canTransition(from, to));
}

function logName(id: string): string {
  return `h-${id}`;
}

/**
 * The handoff queue in the record store. Every state change is an atomic claim, so two veiledere
 * pressing "Ta saken" at once cannot both win, and it survives restarts because nothing lives only
 * in memory. Messages between citizen and veileder go to a per-handoff log (never the audit).
 */
export class HandoffQueue implements HandoffQueuePort {
  readonly #records: RecordStore;
  readonly #clock: () => Date;
  readonly #listeners = new Set<(record: HandoffRecord) => Promise<void>>();

  constructor(private readonly options: HandoffQueueOptions) {
    this.#records = options.records;
    this.#clock = options.clock ?? (() => new Date());
  }

  /**
   * Called after every new handoff and every state change made through this queue (in this
   * process), e.g. to post or update the Teams card. A failing listener never undoes the change.
   */
  onChange(listener: (record: HandoffRecord) => Promise<void>, onError?: (error: unknown) => void): () => void {
    const wrapped = (record: HandoffRecord) => listener(record).catch((error: unknown) => onError?.(error));
    this.#listeners.add(wrapped);
    return () => this.#listeners.delete(wrapped);
  }

  async #changed(record: HandoffRecord): Promise<void> {
    await Promise.all([...this.#listeners].map((l) => l(record)));
  }

  get availability(): Availability {
    return this.options.availability;
  }

  /** Stores a handoff the user has just said yes to: offered → consented → queued in one write. */
  async enqueue(input: EnqueueInput): Promise<HandoffRecord> {
    const now = this.#clock();
    const id = input.summary.id || randomUUID();
    const at = now.toISOString();
    const limited = input.summary.priority === 'URGENT' && this.options.allowUrgent?.(input) === false;
    const summary = confirmSummary(input.summary, now);
    let record: HandoffRecord = {
      id,
      conversationId: input.conversationId,
      channel: input.channel,
      lang: input.lang,
      // Over the limit: queued as ordinary, and marked so the veileder sees why.
      priority: limited ? 'ORDINARY' : input.summary.priority,
      createdAt: at,
      callback: input.callback,
      summary: limited ? { ...summary, flags: [...summary.flags, URGENT_LIMITED_FLAG] } : summary,
      consent: consentCopy(input.shown, now),
      veilederCopy: input.veilederCopy,
      citizenRef: input.citizenRef,
      state: 'offered',
      history: [{ state: 'offered', at: input.summary.createdAt, by: 'system' }],
    };
    record = transition(record, 'consented', 'user', now);
    record = { ...transition(record, 'queued', 'system', now), expiresAt: this.expiryFor(now, input.callback).toISOString() };
    await this.#records.put<HandoffRecord>(KIND, id, { value: record, conversationId: input.conversationId, state: record.state }, null);
    await this.#changed(record);
    return record;
  }

  /** Live: the wait time, but never past closing. Callback: the end of the next open period. */
  expiryFor(now: Date, callback: boolean): Date {
    const { availability, settings } = this.options;
    if (callback) {
      let opening = availability.nextOpening(now);
      let closes = availability.closesAt(opening);
      for (let day = 1; day < settings.callbackKeptWorkingDays && closes; day += 1) {
        opening = availability.nextOpening(new Date(closes.getTime() + 1));
        closes = availability.closesAt(opening);
      }
      return closes ?? new Date(opening.getTime() + settings.liveWaitMinutes * 60_000);
    }
    const wait = new Date(now.getTime() + settings.liveWaitMinutes * 60_000);
    const closes = availability.closesAt(now);
    return closes && closes < wait ? closes : wait;
  }

  async get(id: string): Promise<HandoffRecord> {
    const found = await this.#records.get<HandoffRecord>(KIND, id);
    if (!found) throw new HandoffNotFoundError(id);
    return found.value;
  }

  /** Handoffs in the given states, in queue order (priority, then the oldest first). */
  async list(states: readonly HandoffState[] = ['queued']): Promise<HandoffRecord[]> {
    const found = await this.#records.list<HandoffRecord>(KIND, { state: states });
    return found.map((r) => r.value).sort(queueOrder);
  }

  /** The queued or accepted handoff of this conversation, if any. */
  async activeFor(conversationId: string): Promise<HandoffRecord | undefined> {
    const found = await this.#records.list<HandoffRecord>(KIND, { conversationId, state: OPEN });
    return found.map((r) => r.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }

  /** 1-based place in the queue, or undefined when the handoff is not waiting. */
  async position(id: string): Promise<number | undefined> {
    const index = (await this.list(['queued'])).findIndex((r) => r.id === id);
    return index < 0 ? undefined : index + 1;
  }

  /** A rough wait in minutes (rounded up to 5), or undefined when nobody is signed in. */
  estimateMinutes(position: number): number | undefined {
    const online = this.options.veiledereOnline?.() ?? 1;
    if (online < 1) return undefined;
    const minutes = (position * this.options.settings.minutesPerConversation) / online;
    return Math.max(5, Math.ceil(minutes / 5) * 5);
  }

  accept(id: string, veileder: VeilederIdentity): Promise<HandoffRecord> {
    return this.change(id, 'accepted', 'veileder', (r, now) => ({
      ...r,
      acceptedBy: { id: veileder.id, ...(veileder.name ? { name: veileder.name } : {}), at: now.toISOString() },
    }));
  }

  giveBack(id: string): Promise<HandoffRecord> {
    return this.change(id, 'returned', 'veileder');
  }

  close(id: string): Promise<HandoffRecord> {
    return this.change(id, 'closed', 'veileder');
  }

  /** The user leaves the queue or ends the conversation with the veileder. */
  cancel(id: string): Promise<HandoffRecord> {
    return this.change(id, 'cancelled', 'user');
  }

  expire(id: string): Promise<HandoffRecord> {
    return this.change(id, 'expired', 'system');
  }

  /**
   * Remembers where the handoff's cards are in Teams (no state change): `update` gets what is
   * stored now and returns what to store, and is run again if another write came in between.
   */
  async updateTeams(id: string, update: (teams: TeamsPosts) => TeamsPosts): Promise<HandoffRecord> {
    for (let attempt = 0; ; attempt += 1) {
      const found = await this.#records.get<HandoffRecord>(KIND, id);
      if (!found) throw new HandoffNotFoundError(id);
      const value = { ...found.value, teams: update(teamsPostsOf(found.value)) };
      try {
        await this.#records.put<HandoffRecord>(KIND, id, { value, conversationId: found.conversationId, state: found.state }, found.version);
        return value;
      } catch (error) {
        if ((error as { code?: string }).code !== 'RECORD_CONFLICT' || attempt >= 4) throw error;
      }
    }
  }

  /**
   * One atomic state change. A refusal says why: HandoffNotFoundError (404) or
   * HandoffTransitionError (409) with the state the handoff is really in.
   */
  async change(
    id: string,
    to: HandoffState,
    by: HandoffActor,
    update: (record: HandoffRecord, now: Date) => HandoffRecord = (r) => r,
  ): Promise<HandoffRecord> {
    const now = this.#clock();
    const claimed = await this.#records.claim<HandoffRecord>(KIND, id, {
      from: statesBefore(to),
      to,
      update: (value) => update(transition(value, to, by, now), now),
    });
    if (claimed) {
      await this.#changed(claimed.value);
      return claimed.value;
    }
    const current = await this.#records.get<HandoffRecord>(KIND, id);
    if (!current) throw new HandoffNotFoundError(id);
    throw new HandoffTransitionError(current.value.state, to);
  }

  async appendMessage(id: string, conversationId: string, from: MessageFrom, text: string): Promise<number> {
    return this.#records.appendLog(conversationId, logName(id), { from, text }, this.#clock());
  }

  async messages(record: Pick<HandoffRecord, 'id' | 'conversationId'>, after = 0): Promise<HandoffMessage[]> {
    const entries = await this.#records.readLog<{ from: MessageFrom; text: string }>(record.conversationId, logName(record.id), after);
    return entries.map((e) => ({ seq: e.seq, at: e.at, from: e.data.from, text: e.data.text }));
  }
}
