import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { partIds } from '../../core/rights/answer.js';
import { isTopicCode, partEntry, SELF_CHECK_SUGGESTION, topicEntry, type TopicCode } from '../../core/rights/catalogue.js';
import { readQuestion, type Point, type Situation } from '../../core/rights/points.js';
import { firstPlan, followUpPlan, type AnswerPlan } from '../../core/rights/resolve.js';
import { osloDate } from '../../core/rights/dates.js';
import { isSelfCheckTopic } from '../../core/rights/selfCheck.js';
import { markUnhandled, turnData, turnLang } from '../context.js';
import { t } from '../i18n.js';
import { asksForMore, matchRightsButton, matchRightsWords, partLabel, selfCheckLabel, type RightsChoice } from './matching.js';
import { renderBrief, renderPart, renderShort, topicInSentence } from './render.js';
import { choicesReply, submittedText } from './reply.js';
import { SELF_CHECK_DIALOG_ID, SelfCheckDialog } from './selfCheckDialog.js';

export const RIGHTS_DIALOG_ID = 'rights';
const TOPIC_FLOW_ID = 'rights.topic';

export interface RightsOptions {
  topic: TopicCode;
  /** Open straight at one part ("amount"), e.g. from a triage result button. */
  part?: string;
  /** What the person wrote (redacted): its point is answered at once. Not kept in state. */
  question?: string;
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
  /** The parts shown last; "Vis mer" gives them in full. */
  shown: string[];
  /** Every part shown in this topic, so the suggestions move on to what has not been read. */
  seen: string[];
  /** The points asked last, carried to another topic by a follow-up ("og for KVP?"). */
  points: Point[];
  situation?: Situation;
  /** The last answer was brief and has more to show. */
  more: boolean;
}

/** Suggested next points under an answer: at most three, "Vis mer" among them when there is more. */
const MAX_SUGGESTIONS = 3;

function suggestions(lang: Lang, state: TopicState): string[] {
  const list = state.more ? [t(lang, 'rights:ui.showMore')] : [];
  for (const id of topicEntry(state.topic).likely) {
    if (list.length >= MAX_SUGGESTIONS) break;
    if (state.shown.includes(id) || state.seen.includes(id)) continue;
    const label = id === SELF_CHECK_SUGGESTION ? selfCheckLabel(lang, state.topic) : partLabel(lang, state.topic, id);
    if (label) list.push(label);
  }
  return list;
}

/**
 * An answer with its buttons: "Vis mer" and the likeliest next points (three at most), a person
 * (the root's own label, so its global command catches the press in any state), and back to the menu.
 */
function withButtons(ctx: TurnContext, lang: Lang, state: TopicState, text: string): Partial<Activity> {
  return choicesReply(ctx, lang, text, suggestions(lang, state), t(lang, 'rights:ui.backToMenu'));
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
    const lang = turnLang(dc.context);
    const plan = options.question ? this.planForQuestion(lang, options.topic, options.question) : undefined;
    const state: TopicState = { topic: plan?.topic ?? options.topic, shown: [], seen: [], points: [], more: false };
    (dc.activeDialog as DialogInstance).state = state;
    recordTopic(dc.context, state.topic);
    if (options.part && partIds(state.topic).includes(options.part)) {
      await this.showFull(dc.context, state, [options.part]);
    } else if (plan && plan.parts.length > 0) {
      await this.showBrief(dc.context, state, plan);
    } else {
      const text = `${renderShort(lang, state.topic, this.today())}\n\n${t(lang, 'rights:ui.moreQuestion', { topic: topicInSentence(lang, state.topic) })}`;
      await dc.context.sendActivity(withButtons(dc.context, lang, state, text));
    }
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance).state as TopicState;
    const lang = turnLang(dc.context);
    const typed = submittedText(dc.context);
    if (state.more && asksForMore(lang, typed)) {
      await this.showFull(dc.context, state, state.shown);
      return Dialog.EndOfTurn;
    }
    const button = matchRightsButton(lang, state.topic, typed);
    if (button.kind !== 'none') return this.act(dc, state, button);
    const plan = followUpPlan(state.topic, readQuestion(typed), state.points);
    if (plan === 'other') {
      markUnhandled(dc.context);
      return Dialog.EndOfTurn;
    }
    if (plan) {
      if (plan.topic !== state.topic) {
        Object.assign(state, { topic: plan.topic, shown: [], seen: [] });
        recordTopic(dc.context, plan.topic);
      }
      await this.showBrief(dc.context, state, plan);
      return Dialog.EndOfTurn;
    }
    return this.act(dc, state, matchRightsWords(lang, state.topic, typed));
  }

  private async act(dc: DialogContext, state: TopicState, choice: RightsChoice): Promise<DialogTurnResult> {
    switch (choice.kind) {
      case 'part':
        await this.showBrief(dc.context, state, { topic: state.topic, parts: [choice.part], points: partEntry(state.topic, choice.part)?.points ?? [] });
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

  /** After the self-check, or a flow the root started on top of this one, offer the next points again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog as DialogInstance);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as TopicState;
    const lang = turnLang(context);
    Object.assign(state, { shown: [], more: false });
    await context.sendActivity(withButtons(context, lang, state, t(lang, 'rights:ui.moreQuestion', { topic: topicInSentence(lang, state.topic) })));
  }

  /**
   * The parts a first question asks for: by its points and situation, or else by the topic's own
   * words for its parts ("sykepenger" among the other benefits).
   */
  private planForQuestion(lang: Lang, routed: TopicCode, question: string): AnswerPlan {
    const plan = firstPlan(routed, readQuestion(question));
    if (plan.parts.length > 0) return plan;
    const words = matchRightsWords(lang, plan.topic, question);
    return words.kind === 'part' ? { ...plan, parts: [words.part] } : plan;
  }

  private async showBrief(context: TurnContext, state: TopicState, plan: AnswerPlan): Promise<void> {
    const lang = turnLang(context);
    const reply = renderBrief(lang, state.topic, plan.parts, this.today(), plan.situation);
    if (!reply) return;
    Object.assign(state, { shown: plan.parts, seen: [...new Set([...state.seen, ...plan.parts])], points: plan.points, situation: plan.situation, more: reply.more });
    await context.sendActivity(withButtons(context, lang, state, reply.text));
  }

  private async showFull(context: TurnContext, state: TopicState, parts: readonly string[]): Promise<void> {
    const lang = turnLang(context);
    const texts = parts.map((p) => renderPart(lang, state.topic, p, this.today())).filter((x): x is string => x !== undefined);
    if (texts.length === 0) return;
    Object.assign(state, { shown: [...parts], seen: [...new Set([...state.seen, ...parts])], more: false });
    await context.sendActivity(withButtons(context, lang, state, texts.join('\n\n')));
  }

  private today(): string {
    return osloDate(this.clock());
  }
}

/**
 * Explains one rights topic. A question with a point ("hvor lenge varer AAP?") gets that part's
 * brief answer at once, and its full text on "Vis mer"; a topic without a point gets its short
 * answer and the likeliest parts as buttons. Every answer ends with its source and the date it was
 * checked. Follow-ups keep the topic ("og hvis jeg har barn?"). Begin it with `{ topic, part?, question? }`. It ends
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
