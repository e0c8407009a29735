import type { Activity } from 'botbuilder';

/** One Direct Line conversation as the endpoint knows it. Nothing here identifies a person. */
export interface ConversationRecord {
  id: string;
  /** Random id minted with the token; the client cannot choose it. */
  userId: string;
  /** BCP 47 tag the page asked for when the token was generated, e.g. "nn-NO". */
  locale?: string;
  createdAt: string;
  /** Set once the bot has been told about the conversation (conversationUpdate sent). */
  startedAt?: string;
  /** Time of the last logged activity (ISO); createdAt until then. Used to expire idle conversations. */
  lastActiveAt?: string;
}

/** An activity as stored in a conversation's log, with its place in the log. */
export interface LoggedActivity {
  activity: Partial<Activity>;
  /** Position in the log: clients ask for activities after the last watermark they saw. */
  watermark: number;
}

/** What a live subscriber receives: a logged activity, or an ephemeral one (typing) with no watermark. */
export interface Delivery {
  activity: Partial<Activity>;
  watermark?: number;
}

export type Unsubscribe = () => void;

/**
 * Where the local Direct Line keeps conversations and their activity logs.
 * Every method works on one conversation, so an implementation can key rows or files per
 * conversation and a write never touches another conversation's data.
 */
export interface DirectLineStore {
  /** Creates the record; rejects if the id is already taken. */
  createConversation(record: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /**
   * Marks the conversation as started and returns true for exactly one caller, so the bot gets
   * one conversationUpdate even when two requests race. False if already started or unknown.
   */
  markStarted(id: string, at: string): Promise<boolean>;
  /**
   * Appends an activity and returns it with its watermark. When `activity.id` is unset the store
   * assigns `<conversationId>|<seq>`; when an activity with the same id is logged already
   * (an update), the old entry is dropped and the new one goes to the end, so clients see it again.
   * Keeps at most the store's cap of activities per conversation, dropping the oldest.
   * Notifies subscribers. Rejects if the conversation does not exist.
   */
  appendActivity(conversationId: string, activity: Partial<Activity>): Promise<LoggedActivity>;
  /** Sends an activity to subscribers without logging it (typing indicators). */
  publishEphemeral(conversationId: string, activity: Partial<Activity>): Promise<void>;
  /** Removes one logged activity; true if it was there. */
  removeActivity(conversationId: string, activityId: string): Promise<boolean>;
  /**
   * Logged activities with a watermark above `after` (all when undefined), oldest first, and
   * the watermark to ask with next time (the highest one in the log, or `after` if nothing is newer).
   */
  activitiesAfter(conversationId: string, after?: number): Promise<{ activities: LoggedActivity[]; watermark: number }>;
  /**
   * Forgets every logged activity but keeps the conversation, its token and its watermark
   * sequence, so the page goes on and its next watermark still works ("delete what I wrote").
   * The text must be gone from storage, not only hidden. Optional for now: without it,
   * LocalDirectLine.clearHistory removes the activities one by one.
   */
  clearActivities?(conversationId: string): Promise<void>;
  /** Deletes the record and its log. Subscribers are not called again. */
  deleteConversation(id: string): Promise<void>;
  /**
   * Deletes every conversation with no logged activity since `idleSince` (ISO time; a conversation
   * with no activity counts from createdAt) and returns their ids. Run it on a timer (retention).
   */
  expireIdle(idleSince: string): Promise<string[]>;
  /** Live fan-out of appended and ephemeral activities for one conversation. */
  subscribe(conversationId: string, listener: (delivery: Delivery) => void): Unsubscribe;
}

export class UnknownConversationError extends Error {
  constructor(id: string) {
    super(`unknown Direct Line conversation ${id.slice(0, 12)}`);
    this.name = 'UnknownConversationError';
  }
}

/** Zero-padded like Azure Direct Line's ids, so ids sort in log order as plain strings. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}
