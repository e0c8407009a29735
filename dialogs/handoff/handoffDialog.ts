import { randomUUID } from 'node:crypto';
import { MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { Dialog, DialogReason, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { formatDayAndTime } from '../../core/availability/formatDate.js';
import { shownText } from '../../core/handoff/record.js';
import type { HandoffQueuePort } from '../../core/handoff/ports.js';
import { renderSummary } from '../../core/handoff/render.js';
import { buildSummary } from '../../core/handoff/summary.js';
import type { HandoffSummary, RenderedSummary } from '../../core/handoff/summaryTypes.js';
import type { Lang } from '../../core/language.js';
import { markUnhandled, turnData, turnLang, type OpenQuestionDialog } from '../context.js';
import { buttonTitles, matchClosedChoice, matchConsent } from './matchWords.js';
import { handoffTexts } from './texts.js';

export const HANDOFF_DIALOG_ID = 'handoff';

export interface HandoffDialogOptions {
  queue: HandoffQueuePort;
  clock?: () => Date;
  /** The veileder side's language for the summary labels (bokmål unless the office writes nynorsk). */
  veilederLang?: 'nb' | 'nn';
  /** Signed-in veiledere; with none, the bot says so instead of queueing a live chat. */
  veiledereOnline?: () => number;
  /** The link to the user's own copy of what they sent (their right to see it); none: no link. */
  copyLink?: (handoffId: string) => string;
}

/** What the root may pass when it starts the flow. */
export interface HandoffBeginOptions {
  urgentSignals?: Array<'URGENT_MONEY' | 'URGENT_HOUSING'>;
}

type Step = 'request' | 'consent' | 'change' | 'closed' | 'waiting';

interface FlowState {
  step: Step;
  urgentSignals: Array<'URGENT_MONEY' | 'URGENT_HOUSING'>;
  summary?: HandoffSummary;
  /** The exact text shown to the user; what is stored as the consent if they say yes. */
  shown?: RenderedSummary;
  handoffId?: string;
}

const CONSENT_BUTTONS = ['consent.buttons.send', 'consent.buttons.change', 'consent.buttons.dontSend'];
const CLOSED_BUTTONS = ['availability.buttons.callback', 'availability.buttons.phone', 'availability.buttons.office'];

/**
 * The consent step before anything reaches a veileder (specs/handoff.md): the request in the
 * user's own words, the exact summary in their language, and send / change / do not send.
 * Nothing is stored in the queue before the yes. After that the flow waits silently while the
 * handoff is open (the relay answers those turns) and leaves when it has ended.
 */
export class HandoffDialog extends Dialog<HandoffBeginOptions> implements OpenQuestionDialog {
  readonly #clock: () => Date;

  constructor(private readonly options: HandoffDialogOptions) {
    super(HANDOFF_DIALOG_ID);
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Asking for the request, or for a changed one, takes whatever the user writes. */
  awaitsFreeText(state: unknown): boolean {
    const step = (state as Partial<FlowState> | undefined)?.step;
    return step === 'request' || step === 'change';
  }

  override async beginDialog(dc: DialogContext, begin?: HandoffBeginOptions): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const state: FlowState = { step: 'request', urgentSignals: begin?.urgentSignals ?? [] };
    dc.activeDialog!.state = state;
    const active = ctx.activity.conversation?.id ? await this.options.queue.activeFor(ctx.activity.conversation.id) : undefined;
    if (active) {
      await ctx.sendActivity(handoffTexts(turnLang(ctx))('queue.alreadyQueued'));
      state.step = 'waiting';
      state.handoffId = active.id;
      return Dialog.EndOfTurn;
    }
    if (!turnData(ctx).request) return this.askRequest(ctx, state, 'consent.askRequest');
    return this.showSummary(ctx, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const state = dc.activeDialog!.state as FlowState;
    const lang = turnLang(ctx);
    const text = (ctx.activity.text ?? '').trim();

    switch (state.step) {
      case 'request':
      case 'change':
        if (!text) return this.reprompt(ctx, state);
        // Their own words win: a changed request replaces the old one completely.
        turnData(ctx).request = text;
        return this.showSummary(ctx, state);

      case 'consent': {
        const choice = matchConsent(text);
        if (choice === 'yes') return this.send(dc, state, lang);
        if (choice === 'change') return this.askRequest(ctx, state, 'consent.changeAsk', 'change');
        if (choice === 'no') {
          await ctx.sendActivity(handoffTexts(lang)('consent.declined'));
          return dc.endDialog();
        }
        markUnhandled(ctx);
        return Dialog.EndOfTurn;
      }

      case 'closed': {
        const choice = matchClosedChoice(text);
        const tr = handoffTexts(lang);
        if (choice === 'callback') return this.enqueue(dc, state, lang, true);
        if (choice === 'phone' || choice === 'office') {
          await ctx.sendActivity(tr(`availability.${choice}`));
          return dc.endDialog();
        }
        markUnhandled(ctx);
        return Dialog.EndOfTurn;
      }

      case 'waiting':
        // Reached only when no handoff is open any more (the relay handles turns while it is):
        // leave quietly and let the root treat the text as a new question.
        await dc.cancelAllDialogs();
        markUnhandled(ctx);
        return Dialog.EndOfTurn;
    }
  }

  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(ctx: TurnContext, instance: DialogInstance): Promise<void> {
    await this.reprompt(ctx, instance.state as FlowState);
  }

  override async endDialog(_ctx: TurnContext, _instance: DialogInstance, _reason: DialogReason): Promise<void> {
    // Nothing to clean up: an unsent summary lives only in this flow's state.
  }

  private async reprompt(ctx: TurnContext, state: FlowState): Promise<DialogTurnResult> {
    const tr = handoffTexts(turnLang(ctx));
    switch (state.step) {
      case 'request':
        await ctx.sendActivity(tr('consent.askRequest'));
        break;
      case 'change':
        await ctx.sendActivity(tr('consent.changeAsk'));
        break;
      case 'consent':
        // Re-rendered in the current language (it may have been switched); the new text is what counts.
        return this.showSummary(ctx, state);
      case 'closed':
        await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(turnLang(ctx), CLOSED_BUTTONS), tr('availability.choose')));
        break;
      case 'waiting':
        break;
    }
    return Dialog.EndOfTurn;
  }

  private async askRequest(ctx: TurnContext, state: FlowState, key: string, step: Step = 'request'): Promise<DialogTurnResult> {
    state.step = step;
    await ctx.sendActivity(handoffTexts(turnLang(ctx))(key));
    return Dialog.EndOfTurn;
  }

  private async showSummary(ctx: TurnContext, state: FlowState): Promise<DialogTurnResult> {
    const lang = turnLang(ctx);
    const data = turnData(ctx);
    const tr = handoffTexts(lang);
    const summary = buildSummary(
      {
        id: state.summary?.id ?? randomUUID(),
        createdAt: this.#clock(),
        channel: ctx.activity.channelId ?? 'unknown',
        language: lang,
        request: data.request ?? '',
        triage: data.triage
          ? { answers: data.triage.answers, assessment: data.triage.assessment }
          : data.triageDraft
            ? { answers: data.triageDraft.answers, assessment: null, unfinished: true }
            : null,
        topicsExplained: data.topicsExplained ?? [],
        urgentSignals: state.urgentSignals,
      },
      handoffTexts(this.options.veilederLang ?? 'nb'),
    );
    const shown = renderSummary(summary, lang, tr);
    state.summary = summary;
    state.shown = shown;
    state.step = 'consent';
    await ctx.sendActivity(tr('consent.intro'));
    // Plain text so the channel shows the bytes as they are (no markdown rewriting of lists).
    await ctx.sendActivity({ type: 'message', text: shownText(shown), textFormat: 'plain' });
    await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(lang, CONSENT_BUTTONS), tr('consent.question')));
    return Dialog.EndOfTurn;
  }

  private async send(dc: DialogContext, state: FlowState, lang: Lang): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const tr = handoffTexts(lang);
    const now = this.#clock();
    const { availability } = this.options.queue;
    const online = this.options.veiledereOnline?.() ?? 1;
    if (availability.isOpen(now) && online > 0) return this.enqueue(dc, state, lang, false);

    const lines: string[] = [];
    const holiday = availability.holidayName(now);
    if (!availability.isOpen(now)) lines.push(holiday ? tr('availability.closedHoliday', { holiday }) : tr('availability.closedNow'));
    else lines.push(tr('availability.noVeileder'));
    const next = availability.isOpen(now) ? now : availability.nextOpening(now);
    const when = formatDayAndTime(next, lang);
    if (!availability.isOpen(now)) lines.push(tr('availability.nextOpening', { when }));
    lines.push(availability.isOpen(now) ? tr('availability.callbackOfferSoon') : tr('availability.callbackOffer', { when }));
    await ctx.sendActivity(lines.join(' '));
    state.step = 'closed';
    await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(lang, CLOSED_BUTTONS), tr('availability.choose')));
    return Dialog.EndOfTurn;
  }

  private async enqueue(dc: DialogContext, state: FlowState, lang: Lang, callback: boolean): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const tr = handoffTexts(lang);
    const { summary, shown } = state;
    if (!summary || !shown) return this.showSummary(ctx, state);
    const veilederLang = this.options.veilederLang ?? 'nb';
    const record = await this.options.queue.enqueue({
      conversationId: ctx.activity.conversation.id,
      channel: summary.channel,
      lang,
      summary,
      shown,
      veilederCopy: renderSummary(summary, veilederLang, handoffTexts(veilederLang)),
      citizenRef: TurnContext.getConversationReference(ctx.activity) as ConversationReference as unknown as Record<string, unknown>,
      callback,
    });
    state.step = 'waiting';
    state.handoffId = record.id;
    const copy = this.options.copyLink ? tr('queue.copyLink', { url: this.options.copyLink(record.id) }) : undefined;

    if (callback) {
      const now = this.#clock();
      const { availability } = this.options.queue;
      await ctx.sendActivity(
        availability.isOpen(now)
          ? tr('availability.callbackSavedSoon')
          : tr('availability.callbackSaved', { when: formatDayAndTime(availability.nextOpening(now), lang) }),
      );
      if (copy) await ctx.sendActivity(copy);
      await ctx.sendActivity(MessageFactory.suggestedActions([tr('queue.leaveButton')], tr('queue.whileWaiting')));
      return Dialog.EndOfTurn;
    }
    const position = (await this.options.queue.position(record.id)) ?? 1;
    const minutes = this.options.queue.estimateMinutes(position);
    const lines = [tr('queue.sent'), tr('queue.position', { position }), minutes === undefined ? tr('queue.estimateUnknown') : tr('queue.estimate', { minutes })];
    await ctx.sendActivity(lines.join(' '));
    if (copy) await ctx.sendActivity(copy);
    await ctx.sendActivity(MessageFactory.suggestedActions([tr('queue.leaveButton')], tr('queue.whileWaiting')) as Partial<Activity>);
    return Dialog.EndOfTurn;
  }
}
