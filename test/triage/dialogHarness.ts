import { ConversationState, MemoryStorage, TestAdapter, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { Dialog, DialogSet, DialogTurnStatus, type DialogContext, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { questionBank } from '../../core/triage/index.js';
import { clearUnhandled, isUnhandled, newConversationData, setTurnData, type ConversationData } from '../../dialogs/context.js';
import { t } from '../../dialogs/i18n.js';
import { TRIAGE_DIALOG_ID, TriageDialog } from '../../dialogs/triage/triageDialog.js';

/** Stands in for the rights flow the root would start on top: answers once and ends. */
class FakeRightsDialog extends Dialog {
  constructor() {
    super('rights');
  }
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity('[rights answer]');
    return dc.endDialog();
  }
}

/**
 * A small root that follows the unhandled-text protocol of dialogs/context.ts: it continues the
 * triage, and when the triage marks a message unhandled it starts the fake rights flow for text
 * asking "hva er …"/"what is …", else says "[not understood]" and reprompts the triage.
 */
export function createTriageHarness(opts: { storage?: Storage; lang?: Lang; clock?: () => Date; request?: string } = {}) {
  const storage = opts.storage ?? new MemoryStorage();
  const convState = new ConversationState(storage);
  const dataProp = convState.createProperty<ConversationData>('veiviser');
  const dialogs = new DialogSet(convState.createProperty<DialogState>('dialogState'));
  dialogs.add(new TriageDialog({ clock: opts.clock ?? (() => new Date('2026-11-26T09:00:00Z')) }));
  dialogs.add(new FakeRightsDialog());
  const seen: { data?: ConversationData; ended?: unknown } = {};

  const adapter = new TestAdapter(async (ctx: TurnContext) => {
    const data = await dataProp.get(ctx, newConversationData(opts.lang ?? 'nb'));
    if (opts.request && data.request === undefined) data.request = opts.request;
    setTurnData(ctx, data);
    const dc = await dialogs.createContext(ctx);
    if (!dc.activeDialog) {
      await dc.beginDialog(TRIAGE_DIALOG_ID);
    } else {
      clearUnhandled(ctx);
      const result = await dc.continueDialog();
      if (isUnhandled(ctx)) {
        clearUnhandled(ctx);
        if (/^(hva er|kva er|what is)\b/i.test(ctx.activity.text ?? '')) {
          await dc.beginDialog('rights');
        } else {
          await ctx.sendActivity('[not understood]');
          await dc.repromptDialog();
        }
      } else if (result.status === DialogTurnStatus.complete) {
        seen.ended = result.result;
        await ctx.sendActivity('[triage ended]');
      }
    }
    seen.data = data;
    await convState.saveChanges(ctx);
  });

  /** Sends one message and returns the replies of that turn. */
  async function say(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input });
    return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }

  return { adapter, storage, say, seen };
}

export function textOf(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}

export function buttonsOf(reply: Partial<Activity> | undefined): string[] {
  return (reply?.suggestedActions?.actions ?? []).map((a) => String(a.title));
}

/** The id of the question the last reply asks, found by its text in that language. */
export function askedQuestion(lang: Lang, replies: Partial<Activity>[]): string | undefined {
  const last = replies.at(-1)?.text ?? '';
  return questionBank().questions.find((q) => last.includes(t(lang, q.textKey)))?.id;
}
