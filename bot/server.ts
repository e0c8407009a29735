import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Middleware, Storage, TurnContext } from 'botbuilder';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createLogger, turnLoggingMiddleware } from './logger.js';
import type { Config } from './config.js';
import { createApplication } from './app.js';
import { LocalDirectLine, type DirectLineStore, type RateLimitOptions } from './directline/index.js';
import type { ConversationLimitOptions } from './directline/conversationLimits.js';
import { botFrameworkRouter } from './teamsChannel.js';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { TurnCounter } from './turnCounter.js';
import { redactActivity, redactAtEdgeMiddleware } from './redaction/atTheEdge.js';
import { jsonErrorHandler, sendError } from './httpErrors.js';
import { createGuardedServer, type SocketTimeouts } from './sockets.js';
import { citizenPageCsp, mountStatic } from './static.js';
import { MAX_MESSAGE_CHARS, type RootHooks, type Understanding } from '../dialogs/root/types.js';
import { VeiviserBot } from '../dialogs/root/veiviserBot.js';
import { t } from '../dialogs/i18n.js';
import { langFromLocale } from '../core/language.js';
import { privacyPage } from './privacyPage.js';
import type { Dialog } from 'botbuilder-dialogs';

export interface ServerParts {
  storage: Storage;
  directLineStore: DirectLineStore;
  directLineSecret: string;
  flows?: Dialog[];
  understanding?: Understanding;
  hooks?: RootHooks;
  /** Mounts extra routes (static page, veileder page and API) on the express app. */
  mount?: (web: Express, parts: { directLine: LocalDirectLine }) => void;
  /** Called once the server listens, with its port (PORT=0 picks a free one). */
  onListening?: (port: number) => void;
  /** Called on close, after HTTP has stopped and turns have finished. */
  onClose?: () => Promise<void>;
  rateLimit?: RateLimitOptions;
  /** Messages and streams per conversation (defaults in bot/directline/conversationLimits.ts). */
  conversationLimits?: Partial<ConversationLimitOptions>;
  log?: Logger;
  /** The Bot Framework adapter (Teams and Azure channels), built by the caller when credentials exist. */
  teamsAdapter?: TeamsAdapter;
  /** Extra Teams AI routes (the veileder side in Teams), registered before the catch-all message route. */
  extendApp?: (app: Application) => void;
  /** Adapter middleware for every channel (one turn per conversation at a time). */
  middleware?: Middleware[];
  /** Replaces the bot's turn (the benchmark's echo baseline runs on the same server and adapter). */
  turnLogic?: (ctx: TurnContext) => Promise<void>;
  /** When idle, silent or half-sent connections are closed (tests shorten them). */
  socketTimeouts?: Partial<SocketTimeouts>;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  directLine: LocalDirectLine;
  bot: VeiviserBot;
  storage: Storage;
  /** Stops taking requests, lets turns in flight finish (up to drainMs), then closes stores. */
  close(drainMs?: number): Promise<void>;
}

export async function startServer(config: Config, parts: ServerParts): Promise<RunningServer> {
  const log = parts.log ?? createLogger();
  const bot = new VeiviserBot({
    storage: parts.storage,
    retentionDays: config.retentionDays,
    flows: parts.flows ?? [],
    understanding: parts.understanding,
    hooks: parts.hooks,
  });
  const teamsAdapter = parts.teamsAdapter;
  const app = createApplication(bot, { adapter: teamsAdapter, log, extend: parts.extendApp });
  const apiTurns = new TurnCounter();
  const logic = parts.turnLogic ?? ((ctx: TurnContext) => app.run(ctx).then(() => undefined));

  const redactText = parts.hooks?.redact;
  const directLine = new LocalDirectLine({
    logic,
    store: parts.directLineStore,
    tokenSecret: parts.directLineSecret,
    rateLimit: parts.rateLimit,
    redact: redactText ? (activity, locale) => redactActivity(activity, redactText, locale) : undefined,
    tooLong: { maxChars: MAX_MESSAGE_CHARS, stored: (locale) => t(langFromLocale(locale), 'privacy:placeholder.tooLong') },
    conversationLimits: parts.conversationLimits,
    slowDownText: (locale) => t(langFromLocale(locale), 'errors.slowDown'),
    log: log.child({ component: 'directline' }),
  });

  // Redaction happens once, where an activity comes in; the local Direct Line does it before logging.
  if (redactText) teamsAdapter?.use(redactAtEdgeMiddleware(redactText));
  for (const middleware of [turnLoggingMiddleware(log), ...(parts.middleware ?? [])]) {
    directLine.use(middleware);
    teamsAdapter?.use(middleware);
  }

  const web = express();
  web.disable('x-powered-by');
  // Only proxies the operator named may say who the client is (a spoofed X-Forwarded-For otherwise
  // gives each request an address of its choosing and a fresh allowance under the limits).
  web.set('trust proxy', config.trustProxy ?? false);
  web.use(helmet({ contentSecurityPolicy: { directives: citizenPageCsp }, crossOriginEmbedderPolicy: false }));
  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  web.use('/v3/directline', directLine.router());
  if (teamsAdapter) web.use(botFrameworkRouter(teamsAdapter, logic, { local: config.teamsLocal, trackTurn: (work) => apiTurns.run(work) }));
  parts.mount?.(web, { directLine });
  web.use(privacyPage(config.retentionDays));
  mountStatic(web);
  web.use((_req, res) => sendError(res, 404, 'NotFound', 'Nothing here.'));
  web.use(jsonErrorHandler((err) => log.error({ err: err instanceof Error ? { name: err.name } : { type: typeof err } }, 'request failed')));

  const server = createGuardedServer(web, parts.socketTimeouts);
  directLine.attachWebSocket(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  parts.onListening?.(port);

  let closing: Promise<void> | undefined;
  const close = (drainMs = 10_000) => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([directLine.drain(drainMs), apiTurns.drain(drainMs)]);
      await directLine.close();
      server.closeAllConnections();
      await stopped;
      await parts.onClose?.();
    })();
    return closing;
  };

  return { url: `http://127.0.0.1:${port}`, port, server, directLine, bot, storage: parts.storage, close };
}
