import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createPrivacy, redactFor } from '../dialogs/privacy/index.js';
import { emergencyReply, RightsDialog, SelfCheckDialog } from '../dialogs/rights/index.js';
import { TriageDialog } from '../dialogs/triage/triageDialog.js';
import { createHandoffParts } from './handoff/compose.js';
import { createResumeParts } from './resume/index.js';
import { createLocalTeamsAdapter, createTeamsAdapter } from './teamsChannel.js';
import { checkSafety } from '../core/safety/index.js';
import { createIntentClassifier, detectLanguage } from '../core/understanding/index.js';
import type { Config } from './config.js';
import type { RateLimitOptions } from './directline/index.js';
import type { ServerParts } from './server.js';
import { createStores, RecordConflictError, UnreadableConfigError, RecordDirectLineStore, serializeTurns, startStoreSweeper, type RecordStore } from './storage/index.js';

const KEEP = new Date('9999-12-31T00:00:00Z');

/**
 * Signs the local Direct Line tokens. Kept in the record store, so a page can resume its
 * conversation after a restart and every instance on one PostgreSQL signs alike.
 */
async function directLineSecret(config: Config, records: RecordStore): Promise<string> {
  if (config.directLineSecret) return config.directLineSecret;
  const existing = await records.get<{ secret?: unknown }>('config', 'directline-secret');
  if (existing) {
    const { secret } = existing.value;
    if (typeof secret === 'string' && secret.length >= 16) return secret;
    throw new UnreadableConfigError('the stored record config/directline-secret', { code: 'no secret in it' });
  }
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
  /** Resume code look-ups per address (default in bot/resume/routes.ts). */
  resumeRateLimit?: RateLimitOptions;
  clock?: () => Date;
}

/** Builds every part of the running bot from the configuration. */
export async function composeParts(config: Config, options: ComposeOptions = {}): Promise<ServerParts & { records: RecordStore }> {
  const log = options.log;
  const clock = options.clock ?? (() => new Date());
  const teamsAdapter = config.credentials ? createTeamsAdapter(config.credentials) : config.teamsLocal ? createLocalTeamsAdapter() : undefined;
  // Links sent in Teams must be absolute; in local Teams mode they point at this machine.
  const links: { base?: string } = { base: config.publicBaseUrl };
  const stores = await createStores({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    retentionDays: config.retentionDays,
    clock,
    onError: (err) => log?.error({ err }, 'store error'),
  });
  const sweeper = startStoreSweeper(stores, {
    clock,
    onResult: (report) => log?.info({ sweep: report }, 'retention sweep'),
    onError: (err) => log?.error({ err }, 'retention sweep failed'),
  });
  const classifier = createIntentClassifier();
  const safety = (text: string, options?: { ownButton?: boolean }) => checkSafety(text, options?.ownButton ? undefined : classifier);
  // Loads the phrase lists now rather than on the first user's message.
  safety('');
  const secret = await directLineSecret(config, stores.records);
  const directLineStore = new RecordDirectLineStore(stores.records, { clock });

  const resume = createResumeParts({
    records: stores.records,
    secret,
    retentionDays: config.retentionDays,
    publicBaseUrl: () => links.base,
    rateLimit: options.resumeRateLimit,
    clock,
    onError: (err) => log?.error({ err: err instanceof Error ? { name: err.name } : { type: typeof err } }, 'resume failed'),
  });
  const handoff = createHandoffParts({
    records: stores.records,
    veilederToken: config.veilederToken,
    openingHours: config.openingHours,
    copySecret: secret,
    adapter: teamsAdapter,
    publicBaseUrl: () => links.base,
    teamsDestinations: config.veilederTeamsConversations,
    appId: config.credentials?.appId,
    checkSafety: safety,
    idleDays: config.handoffIdleDays,
    resumeOffer: resume.offer,
    clock,
    log,
  });
  const privacy = createPrivacy({
    records: stores.records,
    storage: stores.storage,
    retentionDays: config.retentionDays,
    // An accepted handoff is closed the queue's way, so the veileder is told.
    closeHandoff: async (id) => {
      await handoff.queue.change(id, 'closed', 'user');
    },
    clock,
    onError: (err) => log?.error({ err }, 'privacy action failed'),
  });
  const stopHandoffExpiry = await handoff.start();

  return {
    storage: stores.storage,
    records: stores.records,
    directLineStore,
    directLineSecret: secret,
    flows: [
      new TriageDialog({ clock, sameDayHelp: emergencyReply(clock) }),
      new RightsDialog({ clock }),
      new SelfCheckDialog(),
      handoff.dialog,
      privacy.dialog,
    ],
    understanding: {
      classify: (text, lang) => classifier.classify(text, lang),
      detectLanguage: (text) => detectLanguage(text),
    },
    hooks: {
      redact: (text, lang) => redactFor(text, lang),
      checkSafety: safety,
      withVeileder: handoff.withVeileder,
      beforeTurn: handoff.beforeTurn,
      startHandoff: (dc, options) => handoff.startHandoff(dc, options),
      emergencyReply: emergencyReply(clock),
      ...privacy.hooks,
    },
    mount: (web, { directLine }) => {
      handoff.mount(web, { directLine });
      resume.mount(web, directLine);
    },
    teamsAdapter,
    extendApp: handoff.extendApp,
    middleware: [
      // One turn per conversation at a time: a double tap gets two answers, not a failed save.
      serializeTurns(),
    ],
    rateLimit: options.rateLimit,
    log,
    onListening: (port) => {
      if (config.teamsLocal && !links.base) links.base = `http://localhost:${port}`;
    },
    onClose: async () => {
      stopHandoffExpiry();
      sweeper.stop();
      await stores.close();
    },
  };
}
