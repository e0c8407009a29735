import { startExpirySweep, type ExpirySweep } from '../../core/handoff/expirySweep.js';
import type { HandoffRecord } from '../../core/handoff/record.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import type { CitizenDelivery } from './delivery.js';
import type { HandoffQueue } from './handoffQueue.js';

export interface HandoffExpiryOptions {
  queue: HandoffQueue;
  deliver: CitizenDelivery;
  intervalMs: number;
  clock?: () => Date;
  onExpired?: (record: HandoffRecord) => Promise<void>;
  onError?: (error: unknown) => void;
}

/** Expires queued handoffs nobody took in time and tells the user what happens next. */
export function startHandoffExpiry(options: HandoffExpiryOptions): ExpirySweep {
  return startExpirySweep<HandoffRecord>({
    intervalMs: options.intervalMs,
    now: options.clock ?? (() => new Date()),
    listQueued: () => options.queue.list(['queued']),
    expire: async (record) => {
      const expired = await options.queue.expire(record.id);
      const tr = handoffTexts(expired.lang);
      await options.deliver(expired.citizenRef, [
        { type: 'message', text: tr('expired.text') },
        { type: 'message', text: tr('expired.next') },
      ]).catch(options.onError);
      await options.onExpired?.(expired).catch(options.onError);
    },
    onError: options.onError,
  });
}
