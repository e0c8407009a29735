import { startRetentionSweep, type SweepHandle } from '../../core/retention/index.js';
import type { Stores } from './createStores.js';

export interface SweepReport {
  state: number;
  records: number;
  logs: number;
  audit: number;
}

/** One retention pass over both stores. State of conversations with an open handoff is kept. */
export async function sweepStores(stores: Pick<Stores, 'storage' | 'records'>, now: Date): Promise<SweepReport> {
  const open = await stores.records.conversationsWithOpenHandoffs();
  const state = await stores.storage.sweepExpired(now, open);
  const { records, logs, audit } = await stores.records.sweepExpired(now);
  return { state, records, logs, audit };
}

/** Sweeps at start-up and every `intervalMs` (default one hour); the timer does not hold the process. */
export function startStoreSweeper(
  stores: Pick<Stores, 'storage' | 'records'>,
  options: { intervalMs?: number; clock?: () => Date; onResult?: (r: SweepReport) => void; onError?: (e: unknown) => void } = {},
): SweepHandle<SweepReport> {
  return startRetentionSweep({ sweep: (now) => sweepStores(stores, now), ...options });
}
