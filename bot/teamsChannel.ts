import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import express, { type Router } from 'express';
import type { BotCredentials } from './config.js';

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

/** POST /api/messages: Bot Framework authenticates every request (JWT) inside adapter.process. */
export function botFrameworkRouter(adapter: TeamsAdapter, logic: (ctx: TurnContext) => Promise<void>, trackTurn: <T>(work: () => Promise<T>) => Promise<T>): Router {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    await trackTurn(() => adapter.process(req, res, logic));
  });
  return router;
}
