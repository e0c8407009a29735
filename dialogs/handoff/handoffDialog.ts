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
import { markUnhandled, turnData, turnLang, type LeftOverDialog, type OpenQuestionDialog } from '../context.js';
import { buttonTitles, matchClosedChoice, matchConsent, normalizeAnswer } from './matchWords.js';
import { summaryMessage } from './summaryMessage.js';
import { matchYesNo } from '../yesNo.js';
import { LANGUAGES } from '../../core/language.js';
import { handoffTexts } from './texts.js';

export const HANDOFF_DIALOG_ID = 'handoff';

function isAllAnswers(text: string): boolean {
  return LANGUAGES.some((l) => normalizeAnswer(handoffTexts(l)('consent.buttons.allAnswers')) === normalizeAnswer(text));
}

/** The part of the summary with every answer (it starts at its heading), or the whole text if it has none. */
function allAnswersText(shown: RenderedSummary, tr: (key: string) => string): string {
  const start = shown.text.indexOf(tr('render.answers'));
  return start >= 0 ? shown.text.slice(start) : shown.text;
}

export interface HandoffDialogOptions {
  queue: HandoffQueuePort;
  clock?: () => Date;
  /** The veileder side's language for the summary labels (bokmål unless the office writes nynorsk). */
  veilederLang?: 'nb' | 'nn';
  /** Signed-in veiledere; with none, the bot says so instead of queueing a live chat. */
  veiledereOnline?: () => number;
  /** The link to the user's own copy of what they sent (their right to see it); none: no link. */
  copyLink?: (handoffId: string) => string;
  /**
   * A code and link to open this conversation again elsewhere (the web page only: undefined in
   * channels that know the person, such as Teams).
   */
  resumeOffer?: (conversationId: string, channelId: string | undefined) => Promise<{ code: string; url: string; days: number } | undefined>;
}

/** What the root may pass when it starts the flow. */
export interface HandoffBeginOptions {
  urgentSignals?: Array<'URGENT_MONEY' | 'URGENT_HOUSING'>;
}

type Step = 'request' | 'consent' | 'change' | 'closed' | 'waiting' | 'urgentCheck';
type Signal = 'URGENT_MONEY' | 'URGENT_HOUSING';

/** Answers that say the opposite of a same-day need the person wrote about earlier. */
const CONTRADICTING: Record<Signal, { question: string; codes: string[]; key: string }> = {
  URGENT_MONEY: { question: 'money', codes: ['JA', 'USIKKER'], key: 'urgentCheck.MONEY' },
  URGENT_HOUSING: { question: 'housing', codes: ['STABIL', 'USTABIL'], key: 'urgentCheck.HOUSING' },
};

interface FlowState {
  step: Step;
  urgentSignals: Array<'URGENT_MONEY' | 'URGENT_HOUSING'>;
  summary?: HandoffSummary;
  /** The exact text shown to the user; what is stored as the consent if they say yes. */
  shown?: RenderedSummary;
  handoffId?: string;
  /** The same-day need being asked about, when the text and the answers disagree. */
  checking?: Signal;
  /** Signals already asked about: each is asked once. */
  checked?: Signal[];
}

const CONSENT_BUTTONS = ['consent.buttons.send', 'consent.buttons.change', 'consent.buttons.dontSend', 'consent.buttons.allAnswers'];
const CLOSED_BUTTONS = ['availability.buttons.callback', 'availability.buttons.phone', 'availability.buttons.office'];

/**
 * The consent step before anything reaches a veileder (specs/handoff.md): the request in the
 * user's own words, the exact summary in their language, and send / change / do not send.
 * Nothing is stored in the queue before the yes. After that the flow waits silently while the
 * handoff is open (the relay answers those turns) and leaves when it has ended.
 */
export class HandoffDialog extends Dialog<HandoffBeginOptions> implements OpenQuestionDialog, LeftOverDialog {
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

  /** Waiting for a handoff that is no longer queued or accepted: the flow is only left over. */
  async isLeftOver(ctx: TurnContext, state: unknown): Promise<boolean> {
    if ((state as Partial<FlowState> | undefined)?.step !== 'waiting') return false;
    const conversationId = ctx.activity.conversation?.id;
    return !conversationId || (await this.options.queue.activeFor(conversationId)) === undefined;
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

      case 'urgentCheck': {
        const answer = matchYesNo(text);
        if (!answer) return this.reprompt(ctx, state);
        if (answer === 'no' && state.checking) {
          const dropped = state.checking;
          state.urgentSignals = state.urgentSignals.filter((s) => s !== dropped);
          const data = turnData(ctx);
          data.urgentSignals = (data.urgentSignals ?? []).filter((s) => s !== dropped);
        }
        state.checking = undefined;
        return this.showSummary(ctx, state);
      }

      case 'consent': {
        if (isAllAnswers(text) && state.shown) {
          await ctx.sendActivity({ type: 'message', text: allAnswersText(state.shown, handoffTexts(lang)), textFormat: 'plain' });
          await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(lang, CONSENT_BUTTONS.slice(0, 3)), handoffTexts(lang)('consent.question')));
          return Dialog.EndOfTurn;
        }
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
          const now = this.#clock();
          const { availability } = this.options.queue;
          if (availability.isOpen(now)) {
            await ctx.sendActivity(tr(`availability.${choice}`));
            return dc.endDialog();
          }
          // Closed now: say so and what is open instead; the summary can still be left.
          const when = formatDayAndTime(availability.nextOpening(now), lang);
          await ctx.sendActivity(tr(`availability.${choice}Closed`, { when }));
          await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(lang, CLOSED_BUTTONS), tr('availability.choose')));
          return Dialog.EndOfTurn;
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
      case 'urgentCheck':
        await this.askUrgent(ctx, state);
        break;
    }
    return Dialog.EndOfTurn;
  }

  private async askRequest(ctx: TurnContext, state: FlowState, key: string, step: Step = 'request'): Promise<DialogTurnResult> {
    state.step = step;
    await ctx.sendActivity(handoffTexts(turnLang(ctx))(key));
    return Dialog.EndOfTurn;
  }

  /** Asks once whether a same-day need still holds, where the person's words and answers disagree. */
  private async askUrgent(ctx: TurnContext, state: FlowState): Promise<void> {
    const tr = handoffTexts(turnLang(ctx));
    const key = state.checking ? CONTRADICTING[state.checking].key : 'urgentCheck.MONEY';
    await ctx.sendActivity(MessageFactory.suggestedActions([tr('urgentCheck.yes'), tr('urgentCheck.no')], tr(key)));
  }

  private async showSummary(ctx: TurnContext, state: FlowState): Promise<DialogTurnResult> {
    const lang = turnLang(ctx);
    const data = turnData(ctx);
    const tr = handoffTexts(lang);
    const answers = (data.triage?.answers ?? data.triageDraft?.answers ?? {}) as Record<string, unknown>;
    const conflict = state.urgentSignals.find((s) => {
      const rule = CONTRADICTING[s];
      return !(state.checked ?? []).includes(s) && rule.codes.includes(String(answers[rule.question]));
    });
    if (conflict) {
      state.checked = [...(state.checked ?? []), conflict];
      state.checking = conflict;
      state.step = 'urgentCheck';
      await this.askUrgent(ctx, state);
      return Dialog.EndOfTurn;
    }
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
    // Plain text so the channel shows the bytes as they are (no markdown rewriting of lists); a card in Teams.
    // The short part first (about two phone screens); every answer is one tap away.
    await ctx.sendActivity(summaryMessage(shown.short ? `${shown.heading}\n\n${shown.short}` : shownText(shown), ctx.activity.channelId));
    // "Se alle svarene" only where the short part leaves answers out.
    const buttons = shown.short ? CONSENT_BUTTONS : CONSENT_BUTTONS.slice(0, 3);
    await ctx.sendActivity(MessageFactory.suggestedActions(buttonTitles(lang, buttons), tr('consent.question')));
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
    const resume = await this.resumeText(ctx, lang);

    if (callback) {
      const now = this.#clock();
      const { availability } = this.options.queue;
      await ctx.sendActivity(
        availability.isOpen(now)
          ? tr('availability.callbackSavedSoon')
          : tr('availability.callbackSaved', { when: formatDayAndTime(availability.nextOpening(now), lang) }),
      );
      if (copy) await ctx.sendActivity(copy);
      if (resume) await ctx.sendActivity(resume);
      await ctx.sendActivity(MessageFactory.suggestedActions([tr('queue.leaveButton')], tr('queue.whileWaiting')));
      return Dialog.EndOfTurn;
    }
    const position = (await this.options.queue.position(record.id)) ?? 1;
    const minutes = this.options.queue.estimateMinutes(position);
    const lines = [tr('queue.sent'), tr('queue.position', { position }), minutes === undefined ? tr('queue.estimateUnknown') : tr('queue.estimate', { minutes })];
    await ctx.sendActivity(lines.join(' '));
    if (copy) await ctx.sendActivity(copy);
    if (resume) await ctx.sendActivity(resume);
    await ctx.sendActivity(MessageFactory.suggestedActions([tr('queue.leaveButton')], tr('queue.whileWaiting')) as Partial<Activity>);
    return Dialog.EndOfTurn;
  }

  /** The resume code message, or undefined (not the web page, or the code could not be made: the handoff stands). */
  private async resumeText(ctx: TurnContext, lang: Lang): Promise<string | undefined> {
    if (!this.options.resumeOffer) return undefined;
    try {
      const offer = await this.options.resumeOffer(ctx.activity.conversation.id, ctx.activity.channelId);
      return offer && handoffTexts(lang)('resume.given', { code: offer.code, url: offer.url, days: offer.days });
    } catch {
      return undefined;
    }
  }
}
