import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { clearUnhandled, isUnhandled, newConversationData, setTurnData, type ConversationData } from '../../dialogs/context.js';

/**
 * Runs one flow the way the root dialog does: conversation data on the turn, the unhandled-text
 * protocol, state saved between turns. Each call returns the bot's replies to that turn.
 */
export class FlowHarness {
  readonly data: ConversationData;
  last: { status: DialogTurnStatus; result?: unknown; unhandled: boolean } = { status: DialogTurnStatus.empty, unhandled: false };
  private readonly storage = new MemoryStorage();
  private readonly state = new ConversationState(this.storage);
  private readonly dialogs = new DialogSet(this.state.createProperty('dialogState'));
  private readonly adapter: TestAdapter;
  private pending?: (dc: DialogContext) => Promise<DialogTurnResult>;

  constructor(flow: Dialog, lang: Lang, channelId = 'test') {
    this.data = newConversationData(lang);
    this.dialogs.add(flow);
    this.adapter = new TestAdapter(async (ctx) => {
      setTurnData(ctx, this.data);
      clearUnhandled(ctx);
      const dc = await this.dialogs.createContext(ctx);
      const action = this.pending ?? ((d: DialogContext) => d.continueDialog());
      this.pending = undefined;
      const r = await action(dc);
      this.last = { status: r.status, result: r.result, unhandled: isUnhandled(ctx) };
      await this.state.saveChanges(ctx);
    }, { channelId });
  }

  begin(dialogId: string, options?: object): Promise<Partial<Activity>[]> {
    this.pending = (dc) => dc.beginDialog(dialogId, options);
    return this.turn('start');
  }

  send(text: string): Promise<Partial<Activity>[]> {
    return this.turn(text);
  }

  /** A card submit: no text, only the card's data. */
  submit(value: object): Promise<Partial<Activity>[]> {
    return this.turn({ type: 'message', value });
  }

  /** What the root does when it could not route unhandled text either. */
  reprompt(): Promise<Partial<Activity>[]> {
    this.pending = async (dc) => {
      await dc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    };
    return this.turn('…');
  }

  private async turn(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    await this.adapter.send(input);
    return this.adapter.activeQueue.splice(0);
  }
}

export function buttonsOf(activity: Partial<Activity> | undefined): string[] {
  return (activity?.suggestedActions?.actions ?? []).map((a) => String(a.value));
}

export function textOf(activities: Partial<Activity>[]): string {
  return activities.map((a) => a.text ?? '').join('\n');
}
