import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { checkSafety } from '../core/safety/index.js';
import { redact } from '../core/redaction/index.js';
import { createIntentClassifier, detectLanguage } from '../core/understanding/index.js';
import type { Config } from './config.js';
import { MemoryDirectLineStore, type RateLimitOptions } from './directline/index.js';
import type { ServerParts } from './server.js';
import { LowdbStorage } from './storage/lowdbStorage.js';

/** Kept in DATA_DIR so that web pages can resume their conversation after a restart. */
async function directLineSecret(config: Config): Promise<string> {
  if (config.directLineSecret) return config.directLineSecret;
  const file = join(config.dataDir, 'directline-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // First start: create it below.
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface ComposeOptions {
  log?: Logger;
  rateLimit?: RateLimitOptions;
}

/** Builds every part of the running bot from the configuration. */
export async function composeParts(config: Config, options: ComposeOptions = {}): Promise<ServerParts> {
  const classifier = await createIntentClassifier();
  const storage = new LowdbStorage({ dir: join(config.dataDir, 'state'), retentionDays: config.retentionDays });
  return {
    storage,
    directLineStore: new MemoryDirectLineStore(),
    directLineSecret: await directLineSecret(config),
    understanding: {
      classify: (text, lang) => classifier.classify(text, lang),
      detectLanguage: (text) => detectLanguage(text),
    },
    hooks: {
      redact: (text) => redact(text),
      checkSafety: (text) => checkSafety(text, classifier),
    },
    rateLimit: options.rateLimit,
    log: options.log,
  };
}
