import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { partIds } from '../../core/rights/answer.js';
import { isTopicCode, type TopicCode } from '../../core/rights/catalogue.js';
import { osloDate } from '../../core/rights/dates.js';
import { isSelfCheckTopic } from '../../core/rights/selfCheck.js';
import { markUnhandled, turnData, turnLang } from '../context.js';
import { t } from '../i18n.js';
import { matchRightsChoice, partLabel, selfCheckLabel } from './matching.js';
import { renderPart, renderShort, topicName } from './render.js';
import { choicesReply, submittedText } from './reply.js';
import { SELF_CHECK_DIALOG_ID, SelfCheckDialog } from './selfCheckDialog.js';

export const RIGHTS_DIALOG_ID = 'rights';
const TOPIC_FLOW_ID = 'rights.topic';

export interface RightsOptions {
  topic: TopicCode;
  /** Open straight at one part ("amount"), e.g. from a triage result button. */
  part?: string;
}

/** What the dialog returns when it ends: the user chose "back to the menu". */
export interface RightsResult {
  next: 'menu';
}

export interface RightsDialogDeps {
  /** Today's date comes from here, so tests can pin it (figures depend on the date). */
  clock?: () => Date;
}

interface TopicState {
  topic: TopicCode;
  /** The part shown last; its button is left out of the next set of buttons. */
  shown?: string;
}

/**
 * An answer with its buttons: the other parts, the self-check, a person (the root's own label, so
 * its global command catches the press in any state), and back to the menu.
 */
function withButtons(ctx: TurnContext, lang: Lang, state: TopicState, text: string): Partial<Activity> {
  const list = partIds(state.topic)
    .filter((p) => p !== state.shown)
    .map((p) => partLabel(lang, state.topic, p));
  const check = selfCheckLabel(lang, state.topic);
  if (check) list.push(check);
  return choicesReply(ctx, lang, text, list, t(lang, 'rights:ui.backToMenu'));
}

function recordTopic(ctx: TurnContext, topic: TopicCode): void {
  const data = turnData(ctx);
  if (!data.topicsExplained.includes(topic)) data.topicsExplained.push(topic);
}

class TopicFlow extends Dialog<RightsOptions> {
  constructor(private readonly clock: () => Date) {
    super(TOPIC_FLOW_ID);
  }

  override async beginDialog(dc: DialogContext, options?: RightsOptions): Promise<DialogTurnResult> {
    if (!isTopicCode(options?.topic)) return dc.endDialog();
    const state: TopicState = { topic: options.topic };
    (dc.activeDialog as DialogInstance).state = state;
    recordTopic(dc.context, state.topic);
    if (options.part && partIds(state.topic).includes(options.part)) {
      await this.showPart(dc.context, state, options.part);
    } else {
      const lang = turnLang(dc.context);
      const text = `${renderShort(lang, state.topic, this.today())}\n\n${t(lang, 'rights:ui.moreQuestion', { topic: topicName(lang, state.topic) })}`;
      await dc.context.sendActivity(withButtons(dc.context, lang, state, text));
    }
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance).state as TopicState;
    const choice = matchRightsChoice(turnLang(dc.context), state.topic, submittedText(dc.context));
    switch (choice.kind) {
      case 'part':
        await this.showPart(dc.context, state, choice.part);
        return Dialog.EndOfTurn;
      case 'selfcheck':
        if (isSelfCheckTopic(state.topic)) return dc.beginDialog(SELF_CHECK_DIALOG_ID, { topic: state.topic });
        break;
      case 'back':
        return dc.endDialog({ next: 'menu' } satisfies RightsResult);
      case 'none':
        break;
    }
    markUnhandled(dc.context);
    return Dialog.EndOfTurn;
  }

  /** After the self-check, or a flow the root started on top of this one, offer the parts again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog as DialogInstance);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as TopicState;
    const lang = turnLang(context);
    state.shown = undefined;
    await context.sendActivity(withButtons(context, lang, state, t(lang, 'rights:ui.moreQuestion', { topic: topicName(lang, state.topic) })));
  }

  private async showPart(context: TurnContext, state: TopicState, part: string): Promise<void> {
    const lang = turnLang(context);
    const text = renderPart(lang, state.topic, part, this.today());
    if (!text) return;
    state.shown = part;
    await context.sendActivity(withButtons(context, lang, state, text));
  }

  private today(): string {
    return osloDate(this.clock());
  }
}

/**
 * Explains one rights topic: a short answer, then parts on request (buttons or free text), each
 * ending with its source and the date it was checked. Begin it with `{ topic, part? }`. It ends
 * with `{ next: 'menu' }` when the user goes back to the menu; text it cannot use is left to the
 * root dialog through markUnhandled.
 */
export class RightsDialog extends ComponentDialog {
  constructor(deps: RightsDialogDeps = {}) {
    super(RIGHTS_DIALOG_ID);
    this.addDialog(new TopicFlow(deps.clock ?? (() => new Date())));
    this.addDialog(new SelfCheckDialog());
    this.initialDialogId = TOPIC_FLOW_ID;
  }
}
