import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { BotCredentials } from './config.js';
import { jsonBody } from './jsonBody.js';

/** The adapter for Azure Bot Service channels (Teams among them); only built when credentials exist. */
export function createTeamsAdapter(credentials: BotCredentials): TeamsAdapter {
  const settings = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/**
 * TEAMS_LOCAL=1: Bot Framework's local mode (no app id, so no JWT check on requests and no token
 * on replies), for Microsoft 365 Agents Playground. Only safe behind the local guards below (fromThisMachine, repliesStayHere).
 */
export function createLocalTeamsAdapter(): TeamsAdapter {
  return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
}

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalServiceUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

const refuse = (res: Response, status: number, message: string) => {
  res.status(status).json({ error: { code: status, message } });
};

/**
 * Without authentication anyone who reaches /api/messages could speak as a veileder or make the
 * bot post to any address (replies go to the activity's serviceUrl). So in local mode a request
 * is answered only when it comes from this machine itself (not through a proxy on it) and its
 * serviceUrl is on this machine too.
 */
export const fromThisMachine: RequestHandler = (req: Request, res: Response, next) => {
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (forwarded || !LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '')) {
    refuse(res, 403, 'local Teams mode answers this machine only');
    return;
  }
  next();
};

const repliesStayHere: RequestHandler = (req, res, next) => {
  if (!isLocalServiceUrl((req.body as { serviceUrl?: unknown }).serviceUrl)) {
    refuse(res, 403, 'local Teams mode answers activities whose serviceUrl is on this machine only');
    return;
  }
  next();
};

/** A body that is not an activity gets 400 here, not an exception deep in the adapter (500). */
const activityShaped: RequestHandler = (req, res, next) => {
  const body = req.body as { type?: unknown; serviceUrl?: unknown; conversation?: { id?: unknown } } | undefined;
  const ok = !!body && typeof body === 'object' && typeof body.type === 'string' && body.type !== '' && typeof body.serviceUrl === 'string' && typeof body.conversation?.id === 'string';
  if (!ok) {
    refuse(res, 400, 'not a Bot Framework activity');
    return;
  }
  next();
};

export interface BotFrameworkRouterOptions {
  /** TEAMS_LOCAL: the adapter does not authenticate, so only this machine is answered. */
  local?: boolean;
  trackTurn: <T>(work: () => Promise<T>) => Promise<T>;
}

/** POST /api/messages: Bot Framework authenticates every request (JWT) inside adapter.process. */
export function botFrameworkRouter(adapter: TeamsAdapter, logic: (ctx: TurnContext) => Promise<void>, options: BotFrameworkRouterOptions): Router {
  const router = express.Router();
  const guards: RequestHandler[] = options.local
    ? [fromThisMachine, jsonBody({ limit: '256kb' }), activityShaped, repliesStayHere]
    : [jsonBody({ limit: '256kb' }), activityShaped];
  router.post('/api/messages', ...guards, async (req, res) => {
    await options.trackTurn(() => adapter.process(req, res, logic));
  });
  return router;
}
