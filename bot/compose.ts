import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { checkSafety } from '../core/safety/index.js';
import { redact } from '../core/redaction/index.js';
import { createIntentClassifier, detectLanguage } from '../core/understanding/index.js';
import type { Config } from './config.js';
import { MemoryDirectLineStore, type RateLimitOptions } from './directline/index.js';
import type { ServerParts } from './server.js';
import { createStores, RecordConflictError, startStoreSweeper, type RecordStore } from './storage/index.js';

const KEEP = new Date('9999-12-31T00:00:00Z');

/**
 * Signs the local Direct Line tokens. Kept in the record store, so a page can resume its
 * conversation after a restart and every instance on one PostgreSQL signs alike.
 */
async function directLineSecret(config: Config, records: RecordStore): Promise<string> {
  if (config.directLineSecret) return config.directLineSecret;
  const existing = await records.get<{ secret: string }>('config', 'directline-secret');
  if (existing) return existing.value.secret;
  const fresh = { secret: randomBytes(32).toString('base64url') };
  try {
    // Not personal data, and tokens signed with it must stay verifiable: it is kept indefinitely.
    return (await records.put('config', 'directline-secret', { value: fresh, expiresAt: KEEP }, null)).value.secret;
  } catch (err) {
    if (!(err instanceof RecordConflictError)) throw err;
    // Another instance created it first.
    return (await records.get<{ secret: string }>('config', 'directline-secret'))!.value.secret;
  }
}

export interface ComposeOptions {
  log?: Logger;
  rateLimit?: RateLimitOptions;
}

/** Builds every part of the running bot from the configuration. */
export async function composeParts(config: Config, options: ComposeOptions = {}): Promise<ServerParts & { records: RecordStore }> {
  const log = options.log;
  const stores = await createStores({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    retentionDays: config.retentionDays,
    onError: (err) => log?.error({ err }, 'store error'),
  });
  const sweeper = startStoreSweeper(stores, {
    onResult: (report) => log?.info({ sweep: report }, 'retention sweep'),
    onError: (err) => log?.error({ err }, 'retention sweep failed'),
  });
  const classifier = await createIntentClassifier();
  return {
    storage: stores.storage,
    records: stores.records,
    directLineStore: new MemoryDirectLineStore(),
    directLineSecret: await directLineSecret(config, stores.records),
    understanding: {
      classify: (text, lang) => classifier.classify(text, lang),
      detectLanguage: (text) => detectLanguage(text),
    },
    hooks: {
      redact: (text) => redact(text),
      checkSafety: (text) => checkSafety(text, classifier),
    },
    rateLimit: options.rateLimit,
    log,
    onClose: async () => {
      sweeper.stop();
      await stores.close();
    },
  };
}
