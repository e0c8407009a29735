import { MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { markUnhandled, newConversationData, turnData, turnLang } from '../context.js';
import { t } from '../i18n.js';
import { matchDeleteAnswer } from './answers.js';
import { eraseConversation, handoffSituation } from './eraseConversation.js';
import type { PrivacyDeps } from './ports.js';

export const PRIVACY_DELETE_DIALOG_ID = 'privacy.delete';

interface DeleteState {
  queued: boolean;
  accepted: boolean;
}

/**
 * "slett samtalen": asks first (the answer cannot be undone), then deletes everything about this
 * conversation and says so. Buttons and free text ("ja", "nei", "yes") both work; anything else is
 * handed back to the root as unhandled text.
 */
export class PrivacyDeleteDialog extends Dialog<DeleteState> {
  constructor(private readonly deps: PrivacyDeps) {
    super(PRIVACY_DELETE_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const conversationId = dc.context.activity.conversation?.id ?? '';
    const situation = await handoffSituation(this.deps, conversationId).catch((error: unknown) => {
      this.deps.onError?.(error);
      return { queued: false, accepted: false };
    });
    const instance = dc.activeDialog as DialogInstance<DeleteState>;
    instance.state = situation;
    await this.ask(dc.context, situation);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const lang = turnLang(ctx);
    const answer = matchDeleteAnswer(ctx.activity.text ?? '');
    if (answer === 'no') {
      await ctx.sendActivity(t(lang, 'privacy:delete.kept'));
      return dc.endDialog({ deleted: false });
    }
    if (answer !== 'yes') {
      markUnhandled(ctx);
      return Dialog.EndOfTurn;
    }
    const conversationId = ctx.activity.conversation?.id ?? '';
    try {
      const report = await eraseConversation(this.deps, conversationId);
      forgetTurnData(ctx, lang);
      // Every flow waiting under this one held what was just deleted.
      await dc.cancelAllDialogs();
      // The marker lets the web page clear its screen of what was deleted (web/app.js).
      await ctx.sendActivity({ type: 'message', text: t(lang, 'privacy:delete.done'), channelData: { veiviser: { conversationDeleted: true } } });
      if (report.closedHandoffs.length > 0) await ctx.sendActivity(t(lang, 'privacy:delete.doneAccepted'));
      return { status: DialogTurnStatus.complete, result: { deleted: true } };
    } catch (error) {
      this.deps.onError?.(error);
      await ctx.sendActivity(t(lang, 'privacy:delete.failed'));
      return dc.endDialog({ deleted: false });
    }
  }

  override async repromptDialog(ctx: TurnContext, instance: DialogInstance<DeleteState>): Promise<void> {
    await ctx.sendActivity(confirmation(turnLang(ctx), t(turnLang(ctx), 'privacy:delete.reprompt')));
    void instance;
  }

  private async ask(ctx: TurnContext, situation: DeleteState): Promise<void> {
    const lang = turnLang(ctx);
    const lines = [t(lang, 'privacy:delete.confirm')];
    if (situation.queued) lines.push(t(lang, 'privacy:delete.confirmQueued'));
    if (situation.accepted) lines.push(t(lang, 'privacy:delete.confirmAccepted'));
    lines.push(t(lang, 'privacy:delete.cannotUndo'));
    await ctx.sendActivity(confirmation(lang, lines.join('\n\n')));
  }
}

function confirmation(lang: Lang, text: string) {
  return MessageFactory.suggestedActions([t(lang, 'privacy:delete.yesButton'), t(lang, 'privacy:delete.noButton')], text);
}

/** The state saved at the end of this turn must not carry back what was deleted. */
function forgetTurnData(ctx: TurnContext, lang: Lang): void {
  const data = turnData(ctx);
  for (const key of Object.keys(data)) delete (data as unknown as Record<string, unknown>)[key];
  Object.assign(data, newConversationData(lang), { welcomed: true });
}
