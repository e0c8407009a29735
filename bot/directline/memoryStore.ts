import type { Activity } from 'botbuilder';
import {
  activityId,
  type ConversationRecord,
  type Delivery,
  type DirectLineStore,
  type LoggedActivity,
  type Unsubscribe,
  UnknownConversationError,
} from './store.js';

interface Entry {
  record: ConversationRecord;
  log: LoggedActivity[];
  lastSeq: number;
}

export const DEFAULT_LOG_CAP = 500;
export const DEFAULT_MAX_CONVERSATIONS = 10_000;

export interface MemoryStoreOptions {
  /** Activities kept per conversation (default 500). */
  logCap?: number;
  /** Conversations kept at most; the longest idle is dropped first (default 10 000). */
  maxConversations?: number;
}

/** Keeps conversations in this process only: for tests, demos and a single instance. */
export class MemoryDirectLineStore implements DirectLineStore {
  // Map order is kept as "least recently active first", so eviction takes the first entry.
  private readonly conversations = new Map<string, Entry>();
  private readonly listeners = new Map<string, Set<(delivery: Delivery) => void>>();
  private readonly logCap: number;
  private readonly maxConversations: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.logCap = options.logCap ?? DEFAULT_LOG_CAP;
    this.maxConversations = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    if (!Number.isInteger(this.logCap) || this.logCap < 1) throw new RangeError('logCap must be a positive whole number');
    if (!Number.isInteger(this.maxConversations) || this.maxConversations < 1) throw new RangeError('maxConversations must be a positive whole number');
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    if (this.conversations.has(record.id)) throw new Error('conversation id already taken');
    this.conversations.set(record.id, { record: { ...record, lastActiveAt: record.lastActiveAt ?? record.createdAt }, log: [], lastSeq: 0 });
    while (this.conversations.size > this.maxConversations) {
      const idlest = this.conversations.keys().next().value;
      if (idlest === undefined) break;
      await this.deleteConversation(idlest);
    }
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const entry = this.conversations.get(id);
    return entry ? { ...entry.record } : undefined;
  }

  async markStarted(id: string, at: string): Promise<boolean> {
    const entry = this.conversations.get(id);
    if (!entry || entry.record.startedAt) return false;
    entry.record.startedAt = at;
    return true;
  }

  async appendActivity(conversationId: string, activity: Partial<Activity>): Promise<LoggedActivity> {
    const entry = this.entry(conversationId);
    const seq = ++entry.lastSeq;
    // Stored as JSON, as a database would keep it: no shared references, dates as ISO strings.
    const stored = JSON.parse(JSON.stringify({ ...activity, id: activity.id ?? activityId(conversationId, seq) })) as Partial<Activity>;
    if (activity.id) entry.log = entry.log.filter((e) => e.activity.id !== activity.id);
    const logged: LoggedActivity = { activity: stored, watermark: seq };
    entry.log.push(logged);
    entry.record.lastActiveAt = typeof stored.timestamp === 'string' ? stored.timestamp : new Date().toISOString();
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, entry);
    if (entry.log.length > this.logCap) entry.log.splice(0, entry.log.length - this.logCap);
    this.notify(conversationId, logged);
    return logged;
  }

  async publishEphemeral(conversationId: string, activity: Partial<Activity>): Promise<void> {
    this.entry(conversationId);
    this.notify(conversationId, { activity });
  }

  async removeActivity(conversationId: string, id: string): Promise<boolean> {
    const entry = this.entry(conversationId);
    const before = entry.log.length;
    entry.log = entry.log.filter((e) => e.activity.id !== id);
    return entry.log.length < before;
  }

  async activitiesAfter(conversationId: string, after?: number): Promise<{ activities: LoggedActivity[]; watermark: number }> {
    const entry = this.entry(conversationId);
    const activities = entry.log.filter((e) => after === undefined || e.watermark > after);
    return { activities, watermark: Math.max(entry.lastSeq, after ?? 0) };
  }

  async clearActivities(conversationId: string): Promise<void> {
    this.entry(conversationId).log = [];
  }

  async deleteConversation(id: string): Promise<void> {
    this.conversations.delete(id);
    this.listeners.delete(id);
  }

  async expireIdle(idleSince: string): Promise<string[]> {
    const cutoff = Date.parse(idleSince);
    const expired = [...this.conversations.values()]
      .filter((e) => Date.parse(e.record.lastActiveAt ?? e.record.createdAt) < cutoff)
      .map((e) => e.record.id);
    for (const id of expired) await this.deleteConversation(id);
    return expired;
  }

  subscribe(conversationId: string, listener: (delivery: Delivery) => void): Unsubscribe {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  private entry(conversationId: string): Entry {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new UnknownConversationError(conversationId);
    return entry;
  }

  private notify(conversationId: string, delivery: Delivery): void {
    for (const listener of [...(this.listeners.get(conversationId) ?? [])]) {
      try {
        listener(delivery);
      } catch {
        // One broken socket must not stop delivery to the others.
      }
    }
  }
}
