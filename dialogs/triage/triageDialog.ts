import type { Activity, TurnContext } from 'botbuilder';
import {
  ComponentDialog, Dialog, DialogReason, type DialogContext, type DialogInstance, type DialogState, type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import {
  applicableQuestions, assess, nextQuestion, pruneAnswers, questionBank, questionById, type Answers, type Assessment, type Question, type QuestionId, type RightCode,
} from '../../core/triage/index.js';
import { markUnhandled, sameDayShownThisTurn, turnData, turnLang, type OpenQuestionDialog } from '../context.js';
import { t, tMatchKey } from '../i18n.js';
import { matchKey } from '../../core/normalize.js';
import { exactOption, isWord, numberedOption, optionLabel, optionsInText, parseAge, typoOption } from './answerMatching.js';
import {
  TRIAGE_SUBMIT_VERB, forChannel, levelName, offerActivity, pickChangeActivity, questionActivity, questionForLabel, resultActivities, reviewActivity, rightLabel,
  selfAssessmentActivity,
} from './prompts.js';

export const TRIAGE_DIALOG_ID = 'triage';
const FLOW_ID = 'triage.flow';
const RESUMING = 'triage.resuming';
/** This turn's answer could not be read: the question comes back with its options numbered. */
const REASK = 'triage.reask';

/** What the dialog ends with, and what it saves in turnData(ctx).triage. */
export interface TriageResult {
  answers: Answers;
  assessment: Assessment;
  completedAt: string;
}

export interface TriageDialogOptions {
  /** Today's date for the assessment and completedAt; tests inject a fixed clock. */
  clock?: () => Date;
  /** Shows what to do today (no money for food, nowhere to sleep); called once when an answer says so. */
  sameDayHelp?: (ctx: TurnContext, lang: Lang) => Promise<void>;
}

type Phase = 'request' | 'question' | 'review' | 'pickChange' | 'self' | 'offer';

/** Everything the flow knows lives here, in dialog state, so a pause or a server restart loses nothing. */
interface TriageState {
  phase: Phase;
  answers: Answers;
  /** Work and life questions in the order they were answered, for "tilbake". */
  history: QuestionId[];
  current?: QuestionId;
  /** Multi-choice selections not yet confirmed with "Ferdig". */
  draft?: string[];
  /** True while re-asking a question the user chose to change from the review. */
  changing?: boolean;
  assessment?: Assessment;
}

const MAIN_SECTIONS = ['work', 'life'] as const;

function setAnswer(answers: Answers, id: QuestionId, value: unknown): void {
  (answers as Record<string, unknown>)[id] = value;
}

function stateOf(instance: DialogInstance): TriageState {
  return instance.state as TriageState;
}

/** What the flow asks now, as its Teams card names it: the question id, or the step. */
function askedNow(state: TriageState): string {
  return state.phase === 'question' ? `question:${state.current}` : state.phase;
}

/** The answers kept in conversation data, so a pause ("avbryt") or a handoff in between loses none. */
function saveDraft(ctx: TurnContext, state: TriageState): void {
  turnData(ctx).triageDraft = { answers: { ...state.answers }, history: [...state.history] };
}

function isMain(q: Question): boolean {
  return (MAIN_SECTIONS as readonly string[]).includes(q.section);
}

function answeredMain(answers: Answers): number {
  return applicableQuestions(answers).filter((q) => isMain(q) && Object.prototype.hasOwnProperty.call(answers, q.id)).length;
}

/** "Spørsmål 5 av 17": the questions that apply so far; the total follows the answers. */
function progressText(lang: Lang, answers: Answers): string {
  const main = applicableQuestions(answers).filter(isMain);
  return t(lang, 'triage:progress', { n: answeredMain(answers) + 1, total: main.length });
}

/** The questionnaire as one state machine: free navigation (back, change) does not fit a waterfall. */
class TriageFlow extends Dialog {
  constructor(
    private readonly clock: () => Date,
    private readonly sameDayHelp?: (ctx: TurnContext, lang: Lang) => Promise<void>,
  ) {
    super(FLOW_ID);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = stateOf(dc.activeDialog!);
    Object.assign(state, { phase: 'request', answers: {}, history: [] } satisfies TriageState);
    const data = turnData(dc.context);
    const request = data.request;
    const lang = turnLang(dc.context);
    const draft = data.triageDraft;
    if (draft && Object.keys(draft.answers).length > 0) {
      // A paused questionnaire goes on where it stopped, with every answer kept.
      state.answers = { ...draft.answers } as Answers;
      state.history = draft.history.filter((id) => Object.prototype.hasOwnProperty.call(draft.answers, id)) as QuestionId[];
      if (request && state.answers.goal === undefined) state.answers.goal = request;
      const count = answeredMain(state.answers);
      await dc.context.sendActivity(t(lang, 'triage:intro.resumed', { count }));
      if (state.answers.goal === undefined) {
        await dc.context.sendActivity(t(lang, 'triage:intro.askGoal'));
        return Dialog.EndOfTurn;
      }
      await this.askNext(dc.context, state, lang);
      return Dialog.EndOfTurn;
    }
    if (request) {
      state.answers.goal = request;
      await this.startQuestions(dc.context, state, lang, []);
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(t(lang, 'triage:intro.askGoal'));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const state = stateOf(dc.activeDialog!);
    const lang = turnLang(ctx);
    let text = (ctx.activity.text ?? '').trim();
    const submitted = ctx.activity.value as { verb?: unknown; answer?: unknown; asked?: unknown } | undefined;
    if (!text && submitted?.verb === TRIAGE_SUBMIT_VERB) {
      if (submitted.asked !== undefined && submitted.asked !== askedNow(state)) {
        // A card from an earlier step (Teams keeps them pressable): not an answer to this one.
        await ctx.sendActivity(t(lang, 'triage:card.old'));
        await this.ask(ctx, state, lang);
        return Dialog.EndOfTurn;
      }
      // The Teams answer card: its value is the chosen visible text, handled as if typed.
      text = typeof submitted.answer === 'string' ? submitted.answer.trim() : '';
      if (!text) {
        await this.ask(ctx, state, lang);
        return Dialog.EndOfTurn;
      }
      ctx.activity.text = text;
    }
    if (!text) {
      markUnhandled(ctx);
      return Dialog.EndOfTurn;
    }
    switch (state.phase) {
      case 'request':
        await this.onRequest(ctx, state, lang, text);
        return Dialog.EndOfTurn;
      case 'question':
        await this.onAnswer(ctx, state, lang, text);
        return Dialog.EndOfTurn;
      case 'review':
        await this.onReview(ctx, state, lang, text);
        return Dialog.EndOfTurn;
      case 'pickChange':
        await this.onPickChange(ctx, state, lang, text);
        return Dialog.EndOfTurn;
      case 'self':
        await this.onSelfAssessment(ctx, state, lang, text);
        return Dialog.EndOfTurn;
      case 'offer':
        if (isWord(lang, text, 'done')) return dc.endDialog(turnData(ctx).triage);
        // A topic button, "talk to a human" or anything else: the root routes it; this flow waits below.
        markUnhandled(ctx);
        return Dialog.EndOfTurn;
    }
  }

  override async repromptDialog(ctx: TurnContext, instance: DialogInstance): Promise<void> {
    const state = stateOf(instance);
    const lang = turnLang(ctx);
    const resuming = ctx.turnState.get(RESUMING) === true || sameDayShownThisTurn(ctx);
    if (!resuming && ctx.turnState.get(REASK) === true) {
      await this.ask(ctx, state, lang, this.reaskPrefix(lang, state));
      return;
    }
    await this.ask(ctx, state, lang, resuming && state.phase === 'question' ? t(lang, 'triage:intro.resume') : undefined);
  }

  private async ask(ctx: TurnContext, state: TriageState, lang: Lang, prefix?: string): Promise<void> {
    const send = (reply: Partial<Activity>) => ctx.sendActivity(forChannel(lang, ctx.activity.channelId, reply, askedNow(state)));
    switch (state.phase) {
      case 'request':
        await ctx.sendActivity([prefix, t(lang, 'triage:intro.askGoal')].filter(Boolean).join('\n\n'));
        return;
      case 'question': {
        const question = questionById(state.current!);
        const progress = state.changing ? undefined : progressText(lang, state.answers);
        await send(questionActivity(lang, question, { canGoBack: state.changing === true || state.history.length > 0, chosen: state.draft, prefix, progress }));
        return;
      }
      case 'review':
        await send(reviewActivity(lang, state.answers));
        return;
      case 'pickChange':
        await send(pickChangeActivity(lang, state.answers));
        return;
      case 'self':
        await send(selfAssessmentActivity(lang, prefix));
        return;
      case 'offer':
        await send(offerActivity(lang, state.assessment!, prefix));
        return;
    }
  }

  private async onRequest(ctx: TurnContext, state: TriageState, lang: Lang, text: string): Promise<void> {
    const max = questionById('goal').maxLength ?? 1000;
    const request = isWord(lang, text, 'skip') ? null : text.slice(0, max);
    state.answers.goal = request;
    if (request) turnData(ctx).request = request;
    saveDraft(ctx, state);
    const lead = request ? [t(lang, 'triage:intro.goalSaved')] : [];
    if (state.changing) {
      state.changing = false;
      await this.showReview(ctx, state, lang);
      return;
    }
    await this.startQuestions(ctx, state, lang, lead);
  }

  private async startQuestions(ctx: TurnContext, state: TriageState, lang: Lang, lead: string[]): Promise<void> {
    const intro = [...lead, t(lang, 'triage:intro.framework'), t(lang, 'triage:intro.skip'), t(lang, 'triage:intro.more')];
    await ctx.sendActivity(intro.join('\n\n'));
    await this.askNext(ctx, state, lang);
  }

  /** The next question that applies and has no answer yet; when none is left, the review. */
  private async askNext(ctx: TurnContext, state: TriageState, lang: Lang): Promise<void> {
    const next = nextQuestion(state.answers, Object.keys(state.answers), { sections: MAIN_SECTIONS });
    state.draft = undefined;
    if (!next) {
      state.changing = false;
      state.current = undefined;
      await this.showReview(ctx, state, lang);
      return;
    }
    state.phase = 'question';
    state.current = next.id;
    await this.ask(ctx, state, lang);
  }

  private async showReview(ctx: TurnContext, state: TriageState, lang: Lang): Promise<void> {
    state.phase = 'review';
    await this.ask(ctx, state, lang);
  }

  private async onAnswer(ctx: TurnContext, state: TriageState, lang: Lang, text: string): Promise<void> {
    const question = questionById(state.current!);
    if (question.type === 'multi') {
      await this.onMultiAnswer(ctx, state, lang, question, text);
      return;
    }
    const exact = exactOption(lang, question, text);
    if (exact) return this.record(ctx, state, lang, question, exact);
    if (isWord(lang, text, 'back')) return this.goBack(ctx, state, lang);
    if (isWord(lang, text, 'skip')) return this.record(ctx, state, lang, question, null);
    if (question.type === 'integer') {
      const parsed = parseAge(text, question.min ?? 0, question.max ?? Infinity);
      if (parsed.kind === 'age') return this.record(ctx, state, lang, question, parsed.age);
      if (parsed.kind === 'outOfRange') {
        await ctx.sendActivity(forChannel(lang, ctx.activity.channelId, questionActivity(lang, question, { canGoBack: state.history.length > 0, prefix: t(lang, 'triage:age.outOfRange') }), askedNow(state)));
        return;
      }
      return this.notUnderstood(ctx, state, lang);
    }
    const found = optionsInText(lang, question, text);
    if (found.length === 1) return this.record(ctx, state, lang, question, found[0]);
    const near = numberedOption(question, text) ?? typoOption(lang, question, text);
    if (near) return this.record(ctx, state, lang, question, near);
    return this.notUnderstood(ctx, state, lang);
  }

  /**
   * An answer the flow cannot read goes to the root, which leaves the flow only for a clear new
   * request ("hva er AAP?", "jeg vil klage"); otherwise it asks again, and this flow then shows the
   * options numbered so that a number or a word of them is enough.
   */
  private async notUnderstood(ctx: TurnContext, state: TriageState, lang: Lang): Promise<void> {
    if (sameDayShownThisTurn(ctx)) {
      // The same-day help was the answer to this message; the question simply comes back.
      await this.ask(ctx, state, lang, t(lang, 'triage:intro.resume'));
      return;
    }
    ctx.turnState.set(REASK, true);
    markUnhandled(ctx);
  }

  private reaskPrefix(lang: Lang, state: TriageState): string | undefined {
    if (state.phase !== 'question') return undefined;
    const question = questionById(state.current!);
    if (question.type === 'integer') return t(lang, 'triage:reaskAge');
    const numbered = (question.codes ?? []).map((c, i) => `${i + 1}. ${optionLabel(lang, question, c)}`).join('\n');
    return [t(lang, 'triage:reask'), numbered].join('\n\n');
  }

  private async onMultiAnswer(ctx: TurnContext, state: TriageState, lang: Lang, question: Question, text: string): Promise<void> {
    const draft = state.draft ?? [];
    if (isWord(lang, text, 'done')) {
      if (draft.length > 0) return this.record(ctx, state, lang, question, draft);
      await ctx.sendActivity(forChannel(lang, ctx.activity.channelId, questionActivity(lang, question, { canGoBack: state.history.length > 0, prefix: t(lang, 'triage:multi.nothing') })));
      return;
    }
    const exact = exactOption(lang, question, text);
    const found = exact ? [exact] : [];
    if (!exact) {
      if (isWord(lang, text, 'back')) return this.goBack(ctx, state, lang);
      if (isWord(lang, text, 'skip')) return this.record(ctx, state, lang, question, draft.length > 0 ? draft : null);
      found.push(...optionsInText(lang, question, text));
      if (found.length === 0) {
        const near = numberedOption(question, text) ?? typoOption(lang, question, text);
        if (near) found.push(near);
      }
    }
    if (found.length === 0) return this.notUnderstood(ctx, state, lang);
    const exclusive = found.find((c) => question.exclusiveCodes?.includes(c));
    // "Ingen inntekt" alone is a whole answer; after other choices it would silently drop them, so it is not taken then.
    if (exclusive && draft.length === 0) return this.record(ctx, state, lang, question, [exclusive]);
    state.draft = [...draft, ...found.filter((c) => !draft.includes(c) && !question.exclusiveCodes?.includes(c))];
    await this.ask(ctx, state, lang);
  }

  private async record(ctx: TurnContext, state: TriageState, lang: Lang, question: Question, value: unknown): Promise<void> {
    setAnswer(state.answers, question.id, value);
    if (state.changing) {
      state.answers = pruneAnswers(state.answers);
      state.history = state.history.filter((id) => Object.prototype.hasOwnProperty.call(state.answers, id));
      if (!state.history.includes(question.id)) state.history.push(question.id);
    } else {
      state.history.push(question.id);
    }
    saveDraft(ctx, state);
    const signal = question.sameDay?.[String(value)];
    if (signal) await this.onSameDayAnswer(ctx, lang, signal);
    await this.askNext(ctx, state, lang);
  }

  /**
   * "Nei" to money for food, "no place to sleep": the answer is kept, the same-day help comes once
   * (not again if the person has already had it), and the questions go on.
   */
  private async onSameDayAnswer(ctx: TurnContext, lang: Lang, signal: 'URGENT_MONEY' | 'URGENT_HOUSING'): Promise<void> {
    const data = turnData(ctx);
    data.urgentSignals = [...new Set([...(data.urgentSignals ?? []), signal])];
    if (sameDayShownThisTurn(ctx) || data.topicsExplained.includes('NODHJELP') || !this.sameDayHelp) return;
    await this.sameDayHelp(ctx, lang);
  }

  private async goBack(ctx: TurnContext, state: TriageState, lang: Lang): Promise<void> {
    state.draft = undefined;
    if (state.changing) {
      state.changing = false;
      await this.showReview(ctx, state, lang);
      return;
    }
    const previous = state.history.pop();
    if (previous) {
      const before = (state.answers as Record<string, unknown>)[previous];
      delete (state.answers as Record<string, unknown>)[previous];
      state.current = previous;
      // Back at a multiple choice, the earlier choices are still chosen.
      if (Array.isArray(before)) state.draft = before.map(String);
      saveDraft(ctx, state);
    }
    await this.ask(ctx, state, lang);
  }

  private async onReview(ctx: TurnContext, state: TriageState, lang: Lang, text: string): Promise<void> {
    if (isWord(lang, text, 'showResult') || isWord(lang, text, 'yes') || matchKey(text) === tMatchKey(lang, 'triage:buttons.showResult')) {
      await this.showResult(ctx, state, lang);
      return;
    }
    const direct = questionForLabel(lang, state.answers, text);
    if (direct) return this.changeQuestion(ctx, state, lang, direct);
    if (isWord(lang, text, 'change') || isWord(lang, text, 'no') || matchKey(text) === tMatchKey(lang, 'triage:buttons.change')) {
      state.phase = 'pickChange';
      await this.ask(ctx, state, lang);
      return;
    }
    markUnhandled(ctx);
  }

  private async onPickChange(ctx: TurnContext, state: TriageState, lang: Lang, text: string): Promise<void> {
    if (isWord(lang, text, 'back')) return this.showReview(ctx, state, lang);
    const question = questionForLabel(lang, state.answers, text);
    if (question) return this.changeQuestion(ctx, state, lang, question);
    markUnhandled(ctx);
  }

  private async changeQuestion(ctx: TurnContext, state: TriageState, lang: Lang, question: Question): Promise<void> {
    state.changing = true;
    const before = (state.answers as Record<string, unknown>)[question.id];
    state.draft = question.type === 'multi' && Array.isArray(before) ? before.map(String) : undefined;
    if (question.id === 'goal') {
      state.phase = 'request';
    } else {
      state.phase = 'question';
      state.current = question.id;
    }
    await this.ask(ctx, state, lang);
  }

  private async showResult(ctx: TurnContext, state: TriageState, lang: Lang): Promise<void> {
    const now = this.clock();
    state.assessment = assess(state.answers, now);
    // Saved now as well, so a user who asks for a veileder at the next question still brings the result.
    turnData(ctx).triage = { answers: { ...state.answers }, assessment: state.assessment, completedAt: now.toISOString() } satisfies TriageResult;
    turnData(ctx).triageDraft = undefined;
    await ctx.sendActivities(resultActivities(lang, state.assessment));
    state.phase = 'self';
    await this.ask(ctx, state, lang);
  }

  private async onSelfAssessment(ctx: TurnContext, state: TriageState, lang: Lang, text: string): Promise<void> {
    const question = questionById('selfAssessment');
    let value: string | null | undefined = exactOption(lang, question, text);
    if (!value && isWord(lang, text, 'skip')) value = null;
    if (value === undefined) {
      const found = optionsInText(lang, question, text);
      if (found.length !== 1) {
        markUnhandled(ctx);
        return;
      }
      value = found[0];
    }
    const before = state.assessment!;
    state.answers.selfAssessment = value as Answers['selfAssessment'];
    const now = this.clock();
    const after = assess(state.answers, now);
    state.assessment = after;
    let note: string;
    if (after.level !== before.level) note = t(lang, 'triage:self.raised', levelName(lang, after.level));
    // The user's own view is recorded for the veileder, never argued with.
    else if (after.userDisagrees) note = t(lang, 'triage:self.disagree');
    else note = t(lang, 'triage:self.noted');
    const result: TriageResult = { answers: { ...state.answers }, assessment: after, completedAt: now.toISOString() };
    turnData(ctx).triage = result;
    state.phase = 'offer';
    await this.ask(ctx, state, lang, note);
  }
}

/**
 * The needs questionnaire (shared/specs/triage.md): the user's own request, one question at a time
 * (buttons and free text, "tilbake", "hopp over"), a review where any answer can be changed, the
 * indicated level with its reasons, the egenvurdering, and the relevant rights and a veileder.
 * Ends with a TriageResult when the user says "ferdig"; the result is saved in turnData().triage
 * as soon as the egenvurdering is answered.
 */
export class TriageDialog extends ComponentDialog implements OpenQuestionDialog {
  constructor(options: TriageDialogOptions = {}) {
    super(TRIAGE_DIALOG_ID);
    // Load and validate the question bank now, so a bad data file stops the bot at start-up, not mid-conversation.
    questionBank();
    this.addDialog(new TriageFlow(options.clock ?? (() => new Date()), options.sameDayHelp));
    this.initialDialogId = FLOW_ID;
  }

  /** The request question takes whatever the user writes (the root asks after a crisis answer). */
  awaitsFreeText(state: unknown): boolean {
    const inner = (state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack?.[0]?.state as Partial<TriageState> | undefined;
    return inner?.phase === 'request';
  }

  /** After another flow on top of this one ends, re-ask the waiting question with a short "we continue". */
  override async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    outerDc.context.turnState.set(RESUMING, true);
    try {
      return await super.resumeDialog(outerDc, reason, result);
    } finally {
      outerDc.context.turnState.delete(RESUMING);
    }
  }
}

/** The rights topic whose triage button text (in any language) this is; for the root's routing. */
export function rightsTopicForText(text: string, langs: readonly Lang[] = ['nb', 'nn', 'en']): RightCode | undefined {
  const wanted = matchKey(text);
  const all: RightCode[] = ['PARAGRAF_14A', 'AAP', 'KVP', 'OKONOMISK_STONAD', 'NODHJELP', 'MIDLERTIDIG_BOTILBUD', 'GJELDSRADGIVNING'];
  for (const lang of langs) {
    const hit = all.find((r) => matchKey(rightLabel(lang, r)) === wanted);
    if (hit) return hit;
  }
  return undefined;
}

/** The "go on with the questions" button after a pause, in any language. */
export function isResumeQuestionnaire(text: string, langs: readonly Lang[] = ['nb', 'nn', 'en']): boolean {
  const wanted = matchKey(text);
  return wanted.length > 0 && langs.some((lang) => tMatchKey(lang, 'triage:buttons.resume') === wanted);
}
