import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** data/handoff/queue.json: the queue's waiting times, set per office. */
export interface QueueSettings {
  source: string;
  checked: string;
  /** How long a live queued handoff waits for a veileder before it expires (capped at closing time). */
  liveWaitMinutes: number;
  /** Used for the wait estimate: minutes per conversation ahead, per veileder online. */
  minutesPerConversation: number;
  callbackKeptWorkingDays: number;
  sweepIntervalSeconds: number;
}

export const QUEUE_SETTINGS_FILE = fileURLToPath(new URL('../../data/handoff/queue.json', import.meta.url));

export function loadQueueSettings(file = QUEUE_SETTINGS_FILE): QueueSettings {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as QueueSettings;
  for (const field of ['liveWaitMinutes', 'minutesPerConversation', 'callbackKeptWorkingDays', 'sweepIntervalSeconds'] as const) {
    if (!Number.isInteger(raw[field]) || raw[field] < 1) throw new Error(`queue settings: "${field}" must be a whole number ≥ 1`);
  }
  if (!raw.source || !raw.checked) throw new Error('queue settings: "source" and "checked" are required');
  return raw;
}
