/**
 * Trains the intent classifier for the current data/nlu/ and keeps the model in .cache/, so the
 * first start of the bot loads it instead of training. Run by npm's postinstall; safe to re-run.
 */
import { trainIntoCache } from '../bot/classifierCache.js';

trainIntoCache().then(
  (name) => console.log(`classifier model ready: .cache/${name}`),
  (err: unknown) => {
    // Not fatal: the bot trains at start-up when no model is cached.
    console.error(`train-nlu: ${err instanceof Error ? err.message : String(err)}; the bot will train at start-up instead`);
  },
);
