import { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../core/language.js';
import type { Logger } from 'pino';
import { conversationTag, turnLog } from './logger.js';
import { turnLang } from '../dialogs/context.js';
import { t } from '../dialogs/i18n.js';
import type { VeiviserBot } from '../dialogs/root/veiviserBot.js';

export interface AppOptions {
  /** Only for Azure Bot Service and Teams; the local Direct Line brings its own adapter. */
  adapter?: TeamsAdapter;
  log?: Logger;
  /** Extra routes (the veileder side in Teams) registered before the catch-all message route. */
  extend?: (app: Application) => void;
}

/**
 * One Teams AI Application routes every channel (web chat, Teams, Azure channels). No AI planner:
 * the root bot decides. State is kept by the root bot itself, so the Application gets no storage.
 */
export function createApplication(bot: VeiviserBot, options: AppOptions = {}): Application {
  const app = new Application({
    adapter: options.adapter,
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  // teams-ai 1.7.4 starts its typing timer in run() whatever startTypingTimer says, and keeps one
  // timer for the whole application: a turn over 1 s sends "typing" (Teams shows it in a veileder
  // channel too). Veiviser answers within a turn, so it is turned off for real.
  app.startTypingTimer = () => undefined;
  const guarded = (work: (ctx: TurnContext) => Promise<void>) => async (ctx: TurnContext) => {
    try {
      await work(ctx);
    } catch (err) {
      // State is saved only at the end of a turn, so a crash leaves the last good state in place.
      if (options.log) turnLog(ctx, options.log).error({ err, conv: conversationTag(ctx.activity.conversation?.id) }, 'turn failed');
      const lang = ctx.turnState.has('veiviser.lang') ? turnLang(ctx) : langFromLocale(ctx.activity.locale);
      await ctx.sendActivity(t(lang, 'errors.generic')).catch(() => undefined);
    }
  };

  app.conversationUpdate('membersAdded', guarded((ctx) => bot.onMembersAdded(ctx)));
  app.activity(
    (ctx) => Promise.resolve(ctx.activity.type === ActivityTypes.Event && ctx.activity.name === 'veiviser/language'),
    guarded((ctx) => bot.onLanguageEvent(ctx)),
  );
  options.extend?.(app);
  app.activity(ActivityTypes.Message, guarded((ctx) => bot.onMessage(ctx)));
  return app;
}
