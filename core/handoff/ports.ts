import type { Availability } from '../availability/availability.js';
import type { Lang } from '../language.js';
import type { HandoffRecord } from './record.js';
import type { HandoffSummary, RenderedSummary } from './summaryTypes.js';

export interface EnqueueInput {
  conversationId: string;
  channel: string;
  lang: Lang;
  summary: HandoffSummary;
  /** The exact rendering the user approved. */
  shown: RenderedSummary;
  veilederCopy: RenderedSummary;
  citizenRef: Record<string, unknown>;
  callback: boolean;
}

/** What the consent dialog needs from the queue (implemented in bot/handoff). */
export interface HandoffQueuePort {
  readonly availability: Availability;
  enqueue(input: EnqueueInput): Promise<HandoffRecord>;
  activeFor(conversationId: string): Promise<HandoffRecord | undefined>;
  position(id: string): Promise<number | undefined>;
  estimateMinutes(position: number): number | undefined;
}
