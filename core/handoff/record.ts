import { createHash } from 'node:crypto';
import type { Lang } from '../language.js';
import type { HandoffLifecycle } from './stateMachine.js';
import type { HandoffSummary, Priority, RenderedSummary } from './summaryTypes.js';

export const HANDOFF_RECORD_KIND = 'handoff';

/** The text the user saw and approved, kept as it was shown, with a fingerprint of its bytes. */
export interface ConsentCopy extends RenderedSummary {
  at: string;
  sha256: string;
}

/** One handoff as it lives in the record store (kind "handoff"). */
export interface HandoffRecord extends HandoffLifecycle {
  id: string;
  conversationId: string;
  channel: string;
  lang: Lang;
  priority: Priority;
  createdAt: string;
  /** Left for the next working day (a callback request) rather than a live queue. */
  callback: boolean;
  summary: HandoffSummary;
  /** Exactly what the user approved, in their language. */
  consent: ConsentCopy;
  /** The same summary rendered for the veileder (bokmål, or nynorsk for an nn veileder). */
  veilederCopy: RenderedSummary;
  /** Where to reach the citizen (a Bot Framework conversation reference; opaque to core). */
  citizenRef: Record<string, unknown>;
  acceptedBy?: { id: string; name?: string; at: string };
  /** Where the handoff was posted in Teams (its cards), so they can be updated and replied under. */
  teams?: TeamsPosts;
}

/** One card of a handoff in one configured veileder conversation in Teams. */
export interface TeamsPost {
  /** The configured destination (VEILEDER_TEAMS_CONVERSATION entry) it was posted to. */
  destination: string;
  conversationRef: Record<string, unknown>;
  activityId?: string;
}

export interface TeamsPosts {
  posts: TeamsPost[];
  /** The destination where a veileder took it: the citizen's messages are posted there. */
  acceptedIn?: string;
}

/** The record's Teams cards; records written before several destinations had one card at the top level. */
export function teamsPostsOf(record: Pick<HandoffRecord, 'teams'>): TeamsPosts {
  const teams = record.teams as (TeamsPosts & { conversationRef?: Record<string, unknown>; activityId?: string }) | undefined;
  if (!teams) return { posts: [] };
  if (Array.isArray(teams.posts)) return teams;
  if (!teams.conversationRef) return { posts: [] };
  return { posts: [{ destination: '', conversationRef: teams.conversationRef, ...(teams.activityId ? { activityId: teams.activityId } : {}) }] };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function consentCopy(shown: RenderedSummary, at: Date): ConsentCopy {
  return { ...shown, at: at.toISOString(), sha256: sha256(`${shown.heading}\n\n${shown.text}`) };
}

/** The whole text as shown in the chat: heading, blank line, text. */
export function shownText(copy: RenderedSummary): string {
  return `${copy.heading}\n\n${copy.text}`;
}

/** Priority first (URGENT, HIGH, ORDINARY), then the oldest first. */
export function queueOrder(a: Pick<HandoffRecord, 'priority' | 'createdAt'>, b: Pick<HandoffRecord, 'priority' | 'createdAt'>): number {
  const rank = { URGENT: 0, HIGH: 1, ORDINARY: 2 } as const;
  return rank[a.priority] - rank[b.priority] || a.createdAt.localeCompare(b.createdAt);
}
