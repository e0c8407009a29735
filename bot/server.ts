import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Middleware, Storage, TurnContext } from 'botbuilder';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createLogger, turnLoggingMiddleware } from './logger.js';
import type { Config } from './config.js';
import { createApplication } from './app.js';
import { LocalDirectLine, type DirectLineStore, type RateLimitOptions } from './directline/index.js';
import { botFrameworkRouter } from './teamsChannel.js';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { TurnCounter } from './turnCounter.js';
import { langFromLocale } from '../core/language.js';
import { citizenPageCsp, mountStatic } from './static.js';
import { privacyPage } from './privacyPage.js';
import { VeiviserBot, type RootHooks, type Understanding } from '../dialogs/root/veiviserBot.js';
import type { Dialog } from 'botbuilder-dialogs';

export interface ServerParts {
  storage: Storage;
  directLineStore: DirectLineStore;
  directLineSecret: string;
  /** Starts reading a conversation's state as its message arrives (see Stores.readAhead). */
  readAhead?: (conversationId: string) => void;
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
  log?: Logger;
  /** The Bot Framework adapter (Teams and Azure channels), built by the caller when credentials exist. */
  teamsAdapter?: TeamsAdapter;
  /** Extra Teams AI routes (the veileder side in Teams), registered before the catch-all message route. */
  extendApp?: (app: Application) => void;
  /** Adapter middleware for every channel (the transcript). */
  middleware?: Middleware[];
  /** Replaces the bot's turn (the benchmark's echo baseline runs on the same server and adapter). */
  turnLogic?: (ctx: TurnContext) => Promise<void>;
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

const jsonErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
  const message = status === 413 ? 'request too large' : status === 400 ? 'request body is not valid JSON' : 'something went wrong';
  if (!res.headersSent) res.status(status).json({ error: { code: status, message } });
};

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

  const directLine = new LocalDirectLine({
    logic,
    store: parts.directLineStore,
    tokenSecret: parts.directLineSecret,
    rateLimit: parts.rateLimit,
    readAhead: parts.readAhead,
    redactText: parts.hooks?.redact ? (text, locale) => parts.hooks!.redact!(text, langFromLocale(locale)).text : undefined,
    log: log.child({ component: 'directline' }),
  });

  for (const middleware of [turnLoggingMiddleware(log), ...(parts.middleware ?? [])]) {
    directLine.use(middleware);
    teamsAdapter?.use(middleware);
  }

  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', 'loopback');
  web.use(helmet({ contentSecurityPolicy: { directives: citizenPageCsp }, crossOriginEmbedderPolicy: false }));
  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  web.use('/v3/directline', directLine.router());
  if (teamsAdapter) web.use(botFrameworkRouter(teamsAdapter, logic, { local: config.teamsLocal, trackTurn: (work) => apiTurns.run(work) }));
  parts.mount?.(web, { directLine });
  web.use(privacyPage(config.retentionDays));
  mountStatic(web);
  web.use((_req, res) => {
    res.status(404).json({ error: { code: 404, message: 'not found' } });
  });
  web.use(jsonErrors);

  const server = createServer(web);
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
