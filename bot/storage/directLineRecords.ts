import type { Activity } from 'botbuilder';
import { CHANNEL_SESSION_KIND } from '../../core/retention/index.js';
import {
  activityId,
  UnknownConversationError,
  type ConversationRecord,
  type Delivery,
  type DirectLineStore,
  type LoggedActivity,
  type Unsubscribe,
} from '../directline/store.js';
import { isMaybeMissed, RecordConflictError, type LogEntry, type RecordStore } from './recordStore.js';

const KIND = CHANNEL_SESSION_KIND;
export const DIRECTLINE_LOG = 'directline';
/** Activities larger than this travel as a pointer; subscribers read them from the log. */
const INLINE_BYTES = 6000;
/** Every this many appends, the stored log is cut back to the cap (a write costs O(log) on lowdb). */
const TRIM_EVERY = 50;
/** lastActiveAt is written at most this often (it only drives idle expiry). */
const TOUCH_EVERY_MS = 60_000;

interface Known {
  record: ConversationRecord;
  state: string;
}

type LogData = { a: Partial<Activity> } | { removed: string };
/** A live delivery: `seq` for a logged activity (its watermark), `a` unless too large to travel. */
interface Note {
  seq?: number;
  a?: Partial<Activity>;
}

export interface RecordDirectLineStoreOptions {
  /** Activities returned per conversation at most, the newest (default 500). */
  logCap?: number;
  clock?: () => Date;
}

/**
 * The local Direct Line's conversations and activity logs in the record store, so that any
 * instance (PostgreSQL) can serve any conversation and a restart (lowdb) loses nothing.
 * The log is append-only: an update appends the new version, a removal appends a tombstone, and
 * reads fold them. Live delivery goes through the store's publish/subscribe (NOTIFY on PG).
 */
export class RecordDirectLineStore implements DirectLineStore {
  readonly #records: RecordStore;
  readonly #logCap: number;
  readonly #clock: () => Date;
  readonly #subscriptions = new Map<string, Set<Unsubscribe>>();

  constructor(records: RecordStore, options: RecordDirectLineStoreOptions = {}) {
    this.#records = records;
    this.#logCap = options.logCap ?? 500;
    this.#clock = options.clock ?? (() => new Date());
  }

  async #load(id: string): Promise<Known | undefined> {
    const found = await this.#records.get<ConversationRecord>(KIND, id);
    return found && { record: found.value, state: found.state ?? 'created' };
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    try {
      await this.#records.put<ConversationRecord>(
        KIND,
        record.id,
        { value: { ...record, lastActiveAt: record.lastActiveAt ?? record.createdAt }, conversationId: record.id, state: record.startedAt ? 'started' : 'created' },
        null,
      );
    } catch (error) {
      if (error instanceof RecordConflictError) throw new Error('conversation id already taken');
      throw error;
    }
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const known = await this.#load(id);
    return known && { ...known.record };
  }

  async markStarted(id: string, at: string): Promise<boolean> {
    const claimed = await this.#records.claim<ConversationRecord>(KIND, id, { from: ['created'], to: 'started', update: (v) => ({ ...v, startedAt: at }) });
    return claimed !== undefined;
  }

  async #require(conversationId: string): Promise<{ record: ConversationRecord; state: string }> {
    const known = await this.#load(conversationId);
    if (!known) throw new UnknownConversationError(conversationId);
    return known;
  }

  async appendActivity(conversationId: string, activity: Partial<Activity>): Promise<LoggedActivity> {
    const { record, state } = await this.#require(conversationId);
    const text = JSON.stringify(activity);
    const stored = JSON.parse(text) as Partial<Activity>;
    // Without an id, subscribers give it the one the log does (activityId of the watermark).
    const size = Buffer.byteLength(text) + (stored.id === undefined ? Buffer.byteLength(activityId(conversationId, 0)) + 16 : 0);
    const note: Note = size <= INLINE_BYTES ? { a: stored } : {};
    const seq = await this.#records.appendLog<LogData>(conversationId, DIRECTLINE_LOG, { a: stored }, undefined, { channel: channel(conversationId), message: { ...note } });
    const logged: LoggedActivity = { activity: { ...stored, id: stored.id ?? activityId(conversationId, seq) }, watermark: seq };
    await this.#touch(conversationId, record, state, typeof stored.timestamp === 'string' ? stored.timestamp : this.#clock().toISOString());
    // Entries are kept at twice the cap: updates and removals take entries without showing.
    if (seq % TRIM_EVERY === 0 && seq > 2 * this.#logCap) await this.#records.trimLog(conversationId, DIRECTLINE_LOG, 2 * this.#logCap);
    return logged;
  }

  /** Keeps lastActiveAt roughly current (and the record from expiring) without a write per activity. */
  async #touch(conversationId: string, record: ConversationRecord, state: string, at: string): Promise<void> {
    const last = Date.parse(record.lastActiveAt ?? record.createdAt);
    if (Date.parse(at) - last < TOUCH_EVERY_MS) return;
    // Same state in and out: the update runs on the current value under the store's lock.
    await this.#records.claim<ConversationRecord>(KIND, conversationId, { from: [state], to: state, update: (v) => ({ ...v, lastActiveAt: at }) });
  }

  async publishEphemeral(conversationId: string, activity: Partial<Activity>): Promise<void> {
    await this.#require(conversationId);
    const note: Note = { a: JSON.parse(JSON.stringify(activity)) as Partial<Activity> };
    if (Buffer.byteLength(JSON.stringify(note)) <= INLINE_BYTES) await this.#records.publish(channel(conversationId), note);
  }

  async removeActivity(conversationId: string, id: string): Promise<boolean> {
    await this.#require(conversationId);
    const present = (await this.#view(conversationId)).some((e) => e.activity.id === id);
    if (present) await this.#records.appendLog<LogData>(conversationId, DIRECTLINE_LOG, { removed: id });
    return present;
  }

  /** The log folded: the latest version of each activity, removals applied, oldest first, capped. */
  async #view(conversationId: string, after?: number): Promise<LoggedActivity[]> {
    return this.#fold(conversationId, await this.#records.readLog<LogData>(conversationId, DIRECTLINE_LOG, after ?? 0));
  }

  #fold(conversationId: string, entries: LogEntry<LogData>[]): LoggedActivity[] {
    const byId = new Map<string, LoggedActivity>();
    for (const entry of entries) {
      if ('removed' in entry.data) {
        byId.delete(entry.data.removed);
        continue;
      }
      const id = entry.data.a.id ?? activityId(conversationId, entry.seq);
      // Delete first so an update moves to the end (Map keeps insertion order).
      byId.delete(id);
      byId.set(id, { activity: { ...entry.data.a, id }, watermark: entry.seq });
    }
    const view = [...byId.values()];
    return view.length > this.#logCap ? view.slice(view.length - this.#logCap) : view;
  }

  async activitiesAfter(conversationId: string, after?: number): Promise<{ activities: LoggedActivity[]; watermark: number }> {
    await this.#require(conversationId);
    const entries = await this.#records.readLog<LogData>(conversationId, DIRECTLINE_LOG, after ?? 0);
    const activities = this.#fold(conversationId, entries);
    const highest = entries.at(-1)?.seq ?? 0;
    return { activities, watermark: Math.max(highest, after ?? 0) };
  }

  /** Empties the log (the text is gone from storage, not hidden); watermarks go on from where they were. */
  async clearActivities(conversationId: string): Promise<void> {
    await this.#require(conversationId);
    await this.#records.clearLog(conversationId, DIRECTLINE_LOG);
  }

  async deleteConversation(id: string): Promise<void> {
    for (const stop of this.#subscriptions.get(id) ?? []) stop();
    this.#subscriptions.delete(id);
    await this.#records.clearLog(id, DIRECTLINE_LOG);
    await this.#records.delete(KIND, id);
  }

  async expireIdle(idleSince: string): Promise<string[]> {
    const cutoff = Date.parse(idleSince);
    const idle = (await this.#records.list<ConversationRecord>(KIND))
      .map((r) => r.value)
      .filter((r) => Date.parse(r.lastActiveAt ?? r.createdAt) < cutoff)
      .map((r) => r.id);
    for (const id of idle) await this.deleteConversation(id);
    return idle;
  }

  /**
   * Live deliveries. When announcements may have been lost (PostgreSQL's LISTEN connection came
   * back), what came after the last one this subscriber saw is read from the log and delivered;
   * the stream drops what it already sent, by watermark.
   */
  subscribe(conversationId: string, listener: (delivery: Delivery) => void): Unsubscribe {
    let lastSeen = 0;
    const catchUp = () =>
      void this.#view(conversationId, lastSeen).then(
        (found) => {
          for (const hit of found) deliver(listener, hit);
        },
        () => undefined,
      );
    const stop = this.#records.subscribe(channel(conversationId), (message) => {
      if (isMaybeMissed(message)) return catchUp();
      const { a, seq } = message as Note;
      if (seq !== undefined) lastSeen = Math.max(lastSeen, seq);
      if (a && seq === undefined) return deliver(listener, { activity: a });
      if (a) return deliver(listener, { activity: { ...a, id: a.id ?? activityId(conversationId, seq!) }, watermark: seq });
      if (seq === undefined) return;
      // Too large to travel inline: read it from the log.
      void this.#view(conversationId, seq - 1).then(
        (found) => {
          const hit = found.find((e) => e.watermark === seq);
          if (hit) deliver(listener, hit);
        },
        () => undefined,
      );
    });
    let set = this.#subscriptions.get(conversationId);
    if (!set) this.#subscriptions.set(conversationId, (set = new Set()));
    const subs = set;
    const unsubscribe = () => {
      stop();
      subs.delete(unsubscribe);
      if (!subs.size && this.#subscriptions.get(conversationId) === subs) this.#subscriptions.delete(conversationId);
    };
    subs.add(unsubscribe);
    return unsubscribe;
  }
}

function channel(conversationId: string): string {
  return `dl:${conversationId}`;
}

function deliver(listener: (delivery: Delivery) => void, delivery: Delivery): void {
  try {
    listener(delivery);
  } catch {
    // One broken socket must not stop delivery to the others.
  }
}
