import {
  ConversationState,
  MessageFactory,
  type Activity,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { awaitsFreeText, leftOver, onStack } from './dialogStack.js';
import { MAX_MESSAGE_CHARS, type RootHooks, type VeiviserBotOptions } from './types.js';
import { urgentSignalsIn } from '../../core/handoff/urgentSignals.js';
import { isLang, langFromLocale, type Lang } from '../../core/language.js';
import { isRedactedAtEdge } from '../../core/redaction/index.js';
import { clearUnhandled, isUnhandled, markSameDayShown, newConversationData, setTurnData, type ConversationData } from '../context.js';
import { isResumeQuestionnaire, TRIAGE_DIALOG_ID } from '../triage/triageDialog.js';
import { rightLabel } from '../triage/prompts.js';
import { needsIn, SEVERAL_NEEDS, type Need, type RightCode } from '../../core/triage/index.js';
import { t } from '../i18n.js';
import { PRIVACY_DELETE_DIALOG_ID } from '../privacy/index.js';
import { matchGlobalCommand, type GlobalCommand } from './commands.js';
import { isContinueChoice, isVeilederChoice, matchCheckInAnswer, sendCheckIn, sendCrisisReply } from './crisis.js';
import { isMenuAction, matchMenuLabel, menuActivity } from './menu.js';
import { routeForIntent, routeForMenu, withQuestion, type Route } from './routes.js';
import { welcomeActivities } from './welcome.js';
import { TRIAGE_SUBMIT_VERB } from '../triage/prompts.js';
import { matchYesNo, type YesNo } from '../yesNo.js';
import { matchClarifyChoice } from './clarify.js';
import { isOfferedButton, rememberOfferedButtons } from './offeredButtons.js';
import { decide, isIntentId, mostlyOtherScript, type IntentId, type Reading } from '../../core/understanding/index.js';
import { cutText } from '../../core/wellFormed.js';

const HANDOFF_FLOW_ID = 'handoff';
/** Set on the turn whose message is handled again after a "no" to the check-in question. */
const AFTER_CHECK_IN = Symbol('afterCheckIn');

/**
 * What the classifier may act on from inside a flow: a new topic, the same-day help, a person, and
 * answers after which the flow's question comes back (help, what is stored).
 */
const LEAVES_A_FLOW: ReadonlySet<Route['kind']> = new Set(['flow', 'emergency', 'human', 'help', 'privacy']);

/** "I will write in English now", marked with the language so the web page follows it (web/app.js). */
function languageSwitched(lang: Lang): Partial<Activity> {
  return { type: 'message', text: t(lang, 'language.switched'), channelData: { veiviser: { lang } } };
}

/**
 * The root of every conversation: loads state, puts safety and the global commands before any
 * flow, continues the active flow or starts one from what the user wrote, and saves state.
 */
export class VeiviserBot {
  readonly conversationState: ConversationState;
  private readonly dataAccessor: StatePropertyAccessor<ConversationData>;
  private readonly dialogs: DialogSet;
  private readonly flowIds: Set<string>;
  private readonly hooks: RootHooks;

  constructor(private readonly options: VeiviserBotOptions) {
    this.conversationState = new ConversationState(options.storage);
    this.dataAccessor = this.conversationState.createProperty<ConversationData>('veiviser');
    this.dialogs = new DialogSet(this.conversationState.createProperty<DialogState>('dialogState'));
    for (const flow of options.flows) this.dialogs.add(flow);
    this.flowIds = new Set(options.flows.map((f) => f.id));
    this.hooks = options.hooks ?? {};
  }

  private async dialogContext(ctx: TurnContext): Promise<DialogContext> {
    return this.dialogs.createContext(ctx);
  }

  async onMembersAdded(ctx: TurnContext): Promise<void> {
    const added = (ctx.activity.membersAdded ?? []).filter((m) => m.id !== ctx.activity.recipient?.id);
    if (added.length === 0) return;
    await this.withState(ctx, async (data) => {
      if (data.welcomed) return;
      data.welcomed = true;
      await ctx.sendActivities(welcomeActivities(data.lang, this.options.retentionDays, ctx.activity.channelId));
    });
  }

  /**
   * The web page's language choice arrives as an event; it changes the language without a message,
   * and the question the person was at comes again in the new language, with its choices.
   */
  async onLanguageEvent(ctx: TurnContext): Promise<void> {
    const value = ctx.activity.value as unknown;
    if (!isLang(value)) return;
    await this.withState(ctx, async (data) => {
      if (data.lang === value) return;
      data.lang = value;
      setTurnData(ctx, data);
      await ctx.sendActivity(languageSwitched(value));
      const dc = await this.dialogContext(ctx);
      if (data.checkIn) await sendCheckIn(ctx, data.checkIn.kind, value);
      else if (dc.activeDialog) await dc.repromptDialog();
      else await this.showMenu(ctx, value, t(value, 'welcome.choose'));
    });
  }

  async onMessage(ctx: TurnContext): Promise<void> {
    await this.withState(ctx, async (data) => {
      const text = (ctx.activity.text ?? '').trim();
      if (text.length > MAX_MESSAGE_CHARS) {
        // Nothing of an over-long message is kept: a safety check still runs on it first.
        if (await this.handleSafety(ctx, data, text)) return;
        await ctx.sendActivity(t(data.lang, 'errors.tooLong', { max: MAX_MESSAGE_CHARS }));
        return;
      }
      if (text) await this.redact(ctx, data, text);
      const dc = await this.dialogContext(ctx);
      // The answer to the check-in question comes before everything else, the veileder's relay too.
      const checkedIn = data.checkIn ? await this.answerCheckIn(dc, data) : 'new';
      if (checkedIn === 'done') return;
      const resumed = checkedIn === 'resume';
      // Deleting the conversation is the user's right in every state, also with a veileder on it.
      const deleting = matchGlobalCommand(ctx.activity.text ?? '') === 'delete' || dc.activeDialog?.id === PRIVACY_DELETE_DIALOG_ID;
      if (!resumed && !deleting && this.hooks.beforeTurn && (await this.hooks.beforeTurn(ctx, data))) return;
      const safety = !resumed && text ? await this.handleSafety(ctx, data, ctx.activity.text ?? '', dc.activeDialog !== undefined) : undefined;
      if (safety) {
        // Written as the answer to an open question ("what do you want help with?"), the words
        // are still the user's answer: a person in crisis can reach a veileder in their own words.
        if (!data.checkIn && awaitsFreeText(dc)) await this.continueActive(dc, data);
        // After the same-day help the flow goes on: it takes the words as its answer if it can
        // ("Jeg har ikke et sted å sove" at the housing question), else asks its question again.
        else if (safety === 'emergency' && dc.activeDialog) await this.continueAfterSameDay(dc, data);
        return;
      }

      const submitted = ctx.activity.value as { verb?: unknown; action?: unknown } | undefined;
      if (!text && submitted && typeof submitted === 'object') {
        await this.handleSubmit(dc, data, submitted);
        return;
      }

      if (isContinueChoice(ctx.activity.text ?? '')) {
        if (dc.activeDialog) await dc.repromptDialog();
        else await this.showMenu(ctx, data.lang, t(data.lang, 'welcome.choose'));
        return;
      }
      const asked = data.askedYesNo;
      data.askedYesNo = undefined;
      const yesNo = asked ? matchYesNo(ctx.activity.text ?? '') : undefined;
      if (asked && yesNo) {
        await this.answerYesNo(dc, data, asked, yesNo);
        return;
      }

      if (isResumeQuestionnaire(ctx.activity.text ?? '')) {
        await this.follow(dc, data, { kind: 'flow', dialogId: TRIAGE_DIALOG_ID });
        return;
      }
      if (isVeilederChoice(ctx.activity.text ?? '')) {
        await this.follow(dc, data, { kind: 'human' });
        return;
      }

      const command = matchGlobalCommand(ctx.activity.text ?? '');
      if (command) {
        await this.runCommand(dc, data, command);
        return;
      }

      const clarifying = data.clarifying;
      data.clarifying = undefined;
      const clarified = matchClarifyChoice(ctx.activity.text ?? '', clarifying?.intents);
      if (clarified) {
        // The question the person first wrote is answered, now that its topic is known.
        await this.follow(dc, data, withQuestion(routeForIntent(clarified), clarifying?.question ?? ''));
        return;
      }

      const menuAction = matchMenuLabel(ctx.activity.text ?? '');
      // A menu button wins over a flow's own loose matching ("Finn ut kva hjelp eg kan få" is no part
      // of the debt topic); only in the questionnaire may a label also be an answer ("Økonomisk sosialhjelp").
      if (menuAction && dc.activeDialog?.id !== TRIAGE_DIALOG_ID) {
        await this.follow(dc, data, routeForMenu(menuAction));
        return;
      }

      if (dc.activeDialog) {
        await this.continueActive(dc, data);
        await this.offerLanguageIfOther(ctx, data);
        // Inside a flow a bare "ja" is the answer to the flow's question, not to the language offer.
        const offer = data.askedYesNo as ConversationData['askedYesNo'];
        if (offer?.kind === 'language' && dc.activeDialog) data.askedYesNo = undefined;
        return;
      }
      const needs = needsIn(ctx.activity.text ?? '');
      if (needs.length >= SEVERAL_NEEDS) {
        await this.severalNeeds(ctx, data, needs);
        return;
      }
      const route = await this.classify(ctx.activity.text ?? '', data);
      await this.follow(dc, data, route);
      // A request to write in a language is answered by switching to it, not by an offer.
      if (route.kind !== 'language') await this.offerLanguageIfOther(ctx, data);
    });
  }

  private async withState(ctx: TurnContext, work: (data: ConversationData) => Promise<void>): Promise<void> {
    const data = await this.dataAccessor.get(ctx, newConversationData(langFromLocale(ctx.activity.locale)));
    data.topicsExplained ??= [];
    data.misses ??= 0;
    setTurnData(ctx, data);
    rememberOfferedButtons(ctx, data);
    await work(data);
    await this.conversationState.saveChanges(ctx);
  }

  /**
   * An activity redacted where it came in (the local Direct Line, the Bot Framework adapter) is
   * not redacted again; one that was not (a test adapter) is redacted here. The notice is given once.
   */
  private async redact(ctx: TurnContext, data: ConversationData, text: string): Promise<void> {
    const result = isRedactedAtEdge(ctx.activity) ? undefined : this.hooks.redact?.(text, data.lang);
    if (result && result.kinds.length > 0) ctx.activity.text = result.text;
    const redactedUpstream = (ctx.activity.channelData as { redacted?: unknown } | undefined)?.redacted === true;
    if ((result?.kinds.length || redactedUpstream) && !data.redactionNoticeGiven && this.hooks.redactionNotice) {
      data.redactionNoticeGiven = true;
      await this.hooks.redactionNotice(ctx, data.lang);
    }
  }

  /** The crisis check's answer, sent; what was answered ('emergency' for the same-day help), or undefined. */
  private async handleSafety(ctx: TurnContext, data: ConversationData, text: string, inFlow = false): Promise<'emergency' | 'crisis' | undefined> {
    const hit = this.hooks.checkSafety?.(text, { ownButton: isOfferedButton(data, text) });
    if (!hit) return undefined;
    if (hit.kind === 'emergency_aid') {
      await this.emergency(ctx, data, inFlow);
      return 'emergency';
    } else if (hit.answer === 'check_in') {
      // The message waits for the answer: after "no" it is handled as if the question had not come.
      // An over-long message is not kept, so only the question's kind is.
      data.checkIn = { kind: hit.kind, text: text.length > MAX_MESSAGE_CHARS ? undefined : text };
      await sendCheckIn(ctx, hit.kind, data.lang);
    } else {
      await sendCrisisReply(ctx, hit.kind, data.lang);
    }
    return 'crisis';
  }

  /**
   * A message that names several life areas (job, rent, debt collection, health, loneliness) is
   * acknowledged as several, most urgent first, with the questionnaire and a person offered; the
   * words are kept as the person's request, so neither asks for them again.
   */
  private async severalNeeds(ctx: TurnContext, data: ConversationData, needs: Need[]): Promise<void> {
    const lang = data.lang;
    data.request ??= cutText(ctx.activity.text ?? '', 1000);
    const names = needs.map((n) => t(lang, `several.needs.${n.id}`));
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t(lang, 'several.and')} ${names.at(-1)}` : names.join('');
    const topics = [...new Set(needs.map((n) => n.topic).filter((x): x is RightCode => x !== null))].map((r) => rightLabel(lang, r));
    await ctx.sendActivity(
      MessageFactory.suggestedActions(
        [t(lang, 'menu.triage'), t(lang, 'menu.human'), ...topics],
        t(lang, 'several.text', { list, first: names[0] ?? '' }),
      ),
    );
  }

  /** "ja" / "nei" to the bot's own question: a person instead, or writing in another language. */
  private async answerYesNo(dc: DialogContext, data: ConversationData, asked: NonNullable<ConversationData['askedYesNo']>, answer: YesNo): Promise<void> {
    if (asked.kind === 'language') {
      if (answer === 'yes') await this.follow(dc, data, { kind: 'language', lang: asked.lang });
      else await this.runCommand(dc, data, 'keepLanguage');
      return;
    }
    if (answer === 'yes') {
      await this.follow(dc, data, { kind: 'human' });
      return;
    }
    data.misses = 0;
    if (asked.inFlow && dc.activeDialog) await dc.repromptDialog();
    else await this.showMenu(dc.context, data.lang, t(data.lang, 'welcome.choose'));
  }

  /** The same message goes to the waiting flow; if it is no answer there, the flow asks its question again. */
  private async continueAfterSameDay(dc: DialogContext, data: ConversationData): Promise<void> {
    clearUnhandled(dc.context);
    const result = await dc.continueDialog();
    if (isUnhandled(dc.context)) {
      clearUnhandled(dc.context);
      await dc.repromptDialog();
      return;
    }
    if (result.status === DialogTurnStatus.complete) await this.afterFlow(dc.context, data);
  }

  /**
   * The person's answer to the check-in question. Yes gives the crisis text, a person starts the
   * way to a veileder, no goes on with the message that raised the question ('resume', with that
   * message put back on the activity), and anything else is a new message ('new').
   */
  private async answerCheckIn(dc: DialogContext, data: ConversationData): Promise<'done' | 'resume' | 'new'> {
    const ctx = dc.context;
    const pending = data.checkIn;
    data.checkIn = undefined;
    if (!pending) return 'new';
    const answer = matchCheckInAnswer(ctx.activity.text ?? '');
    if (answer === 'person') {
      await this.follow(dc, data, { kind: 'human' });
      return 'done';
    }
    // A second risk signal right after the question ("nei, ingen kjem til å sakne meg") is not
    // asked about again: it gets the crisis text, whatever word it starts with.
    const again = answer === 'yes' ? null : this.hooks.checkSafety?.(ctx.activity.text ?? '');
    if (answer === 'yes' || (again && again.kind !== 'emergency_aid')) {
      await sendCrisisReply(ctx, again && again.kind !== 'emergency_aid' ? again.kind : pending.kind, data.lang);
      return 'done';
    }
    if (answer === undefined || again) return 'new';
    if (this.hooks.withVeileder && (await this.hooks.withVeileder(ctx))) {
      await ctx.sendActivity(t(data.lang, 'safety:checkIn.thanksWithVeileder'));
      return 'done';
    }
    await ctx.sendActivity(t(data.lang, 'safety:checkIn.thanks'));
    if (!pending.text) {
      await ctx.sendActivity(t(data.lang, 'errors.tooLong', { max: MAX_MESSAGE_CHARS }));
      return 'done';
    }
    ctx.activity.text = pending.text;
    ctx.turnState.set(AFTER_CHECK_IN, true);
    return 'resume';
  }

  private async handleSubmit(dc: DialogContext, data: ConversationData, value: { verb?: unknown; action?: unknown }): Promise<void> {
    if (value.verb === 'menu' && isMenuAction(value.action)) {
      await this.follow(dc, data, routeForMenu(value.action));
      return;
    }
    // A questionnaire card pressed after the questionnaire: said so, and nothing else happens.
    if (value.verb === TRIAGE_SUBMIT_VERB && !onStack(dc, TRIAGE_DIALOG_ID)) {
      if (dc.activeDialog) {
        await dc.context.sendActivity(t(data.lang, 'errors.unknownButton'));
        await dc.repromptDialog();
      } else {
        await this.showMenu(dc.context, data.lang, t(data.lang, 'errors.unknownButton'));
      }
      return;
    }
    if (dc.activeDialog) {
      await this.continueActive(dc, data);
      return;
    }
    await dc.context.sendActivity(menuActivity(data.lang, t(data.lang, 'errors.unknownButton'), dc.context.activity.channelId));
  }

  /**
   * Gives the message to the waiting flow. Text the flow cannot use (it calls markUnhandled) is
   * routed like free text from the menu; if nothing fits, the flow asks its question again.
   */
  private async continueActive(dc: DialogContext, data: ConversationData): Promise<void> {
    const ctx = dc.context;
    clearUnhandled(ctx);
    const result = await dc.continueDialog();
    if (!isUnhandled(ctx)) {
      data.misses = 0;
      if (result.status === DialogTurnStatus.complete) await this.afterFlow(ctx, data);
      return;
    }
    clearUnhandled(ctx);
    // A flow may put the chosen button's text on the activity before handing it back (cards).
    const text = ctx.activity.text ?? '';
    const menuAction = matchMenuLabel(text);
    const route = menuAction ? routeForMenu(menuAction) : await this.classify(text, data);
    // Inside a flow the bot leaves it only for a clear new request; an unsure reading asks the
    // flow's question again instead of guessing the person out of it. Stopping, starting over,
    // help, language and privacy need the whole command ("avbryt"): a word inside an answer
    // ("fortsett", "snart ikke") never ends the questionnaire.
    if (!LEAVES_A_FLOW.has(route.kind)) {
      if (!(await this.miss(ctx, data, true))) await dc.repromptDialog();
      return;
    }
    await this.follow(dc, data, route);
  }

  /** What the classifier makes of the text: a clear route, a question of which reading, or none. */
  private async classify(text: string, data: ConversationData): Promise<Route> {
    if (!text || !this.options.understanding) return { kind: 'none' };
    const guess = await this.options.understanding.classify(text, data.lang);
    const readings = (guess.readings ?? [{ intent: guess.intent, score: guess.score }]).filter((r) => isIntentId(r.intent));
    const decision = decide({ intent: guess.intent as IntentId, score: guess.score, language: data.lang, readings: readings as Reading[] });
    if (decision.kind === 'act') return withQuestion(routeForIntent(decision.intent), text);
    if (decision.kind === 'clarify') return { kind: 'clarify', intents: decision.readings.map((r) => r.intent), question: text };
    return { kind: 'none' };
  }

  /** A message written in another of our languages: offer to switch, once per language, never switch by itself. */
  private async offerLanguageIfOther(ctx: TurnContext, data: ConversationData): Promise<void> {
    const detected = this.options.understanding?.detectLanguage?.(ctx.activity.text ?? '');
    if (!detected || detected === data.lang || data.languagesOffered?.includes(detected)) return;
    const lang = detected;
    data.languagesOffered = [...(data.languagesOffered ?? []), lang];
    data.askedYesNo = { kind: 'language', lang };
    await ctx.sendActivity(MessageFactory.suggestedActions([t(lang, 'language.yes'), t(lang, 'language.no')], t(lang, 'language.offer')));
  }

  private async runCommand(dc: DialogContext, data: ConversationData, command: GlobalCommand): Promise<void> {
    if (command === 'delete') {
      await this.follow(dc, data, { kind: 'privacy', action: 'delete' });
      return;
    }
    if (command === 'menu') {
      // The menu, and in the middle of a flow a way back to where the person was.
      const lang = data.lang;
      const back = dc.activeDialog ? t(lang, 'safety:buttons.continue') : undefined;
      await dc.context.sendActivity(menuActivity(lang, t(lang, 'welcome.choose'), dc.context.activity.channelId, back));
      return;
    }
    if (command === 'goOn') {
      // "fortsett" is no command to stop: in a flow it is the flow's to read (the age question asks
      // again); after a pause it takes up the questionnaire where it stopped; else the menu.
      if (dc.activeDialog) await this.continueActive(dc, data);
      else if (data.triageDraft !== undefined) await this.follow(dc, data, { kind: 'flow', dialogId: TRIAGE_DIALOG_ID });
      else await this.showMenu(dc.context, data.lang, t(data.lang, 'welcome.choose'));
      return;
    }
    if (command === 'keepLanguage') {
      if (dc.activeDialog) await dc.repromptDialog();
      else await this.showMenu(dc.context, data.lang, t(data.lang, 'welcome.choose'));
      return;
    }
    if (command.startsWith('lang:')) {
      await this.follow(dc, data, { kind: 'language', lang: command.slice(5) as Lang });
      return;
    }
    await this.follow(dc, data, { kind: command as 'help' | 'cancel' | 'restart' | 'human' });
  }

  private async follow(dc: DialogContext, data: ConversationData, route: Route): Promise<void> {
    const ctx = dc.context;
    const lang = data.lang;
    if (route.kind !== 'none' && route.kind !== 'clarify') data.misses = 0;
    switch (route.kind) {
      case 'flow':
        if (!this.flowIds.has(route.dialogId)) {
          await this.showMenu(ctx, lang, t(lang, 'welcome.choose'));
          return;
        }
        await this.startFlow(dc, data, route.dialogId, route.options);
        return;
      case 'emergency':
        await this.emergency(ctx, data);
        // The same-day help first, then the waiting flow's question again: nothing is lost.
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      case 'human':
        if (onStack(dc, HANDOFF_FLOW_ID) && (await leftOver(dc, HANDOFF_FLOW_ID))) {
          // The last handoff has ended (closed, cancelled, given back): this is a new one.
          dc.stack.splice(dc.stack.map((instance) => instance.id).lastIndexOf(HANDOFF_FLOW_ID));
        }
        if (onStack(dc, HANDOFF_FLOW_ID)) {
          await this.startFlow(dc, data, HANDOFF_FLOW_ID);
        } else if (this.hooks.startHandoff) {
          await this.hooks.startHandoff(dc, { urgentSignals: data.urgentSignals ?? [] });
        } else {
          await ctx.sendActivity(t(lang, 'human.placeholder'));
        }
        return;
      case 'help':
        // In the middle of a flow, the flow's own question comes back after the help.
        if (dc.activeDialog) {
          await ctx.sendActivity(t(lang, 'help.text'));
          await dc.repromptDialog();
        } else {
          await this.showMenu(ctx, lang, t(lang, 'help.text'));
        }
        return;
      case 'cancel': {
        const hadFlow = dc.activeDialog !== undefined;
        const paused = onStack(dc, TRIAGE_DIALOG_ID) && data.triageDraft !== undefined;
        await dc.cancelAllDialogs();
        if (paused) {
          // The questionnaire only pauses: its answers stay in triageDraft, and the first button goes on.
          await ctx.sendActivity(menuActivity(lang, `${t(lang, 'triage:intro.paused')} ${t(lang, 'welcome.choose')}`, ctx.activity.channelId, t(lang, 'triage:buttons.resume')));
          return;
        }
        await this.showMenu(ctx, lang, t(lang, hadFlow ? 'cancel.done' : 'cancel.nothing'));
        return;
      }
      case 'restart': {
        await dc.cancelAllDialogs();
        const fresh = newConversationData(lang);
        Object.assign(data, fresh, { request: undefined, triage: undefined, welcomed: true, redactionNoticeGiven: data.redactionNoticeGiven });
        await ctx.sendActivity(t(lang, 'restart.done'));
        await this.showMenu(ctx, lang, t(lang, 'welcome.choose'));
        return;
      }
      case 'language':
        data.lang = route.lang;
        setTurnData(ctx, data);
        await ctx.sendActivity(languageSwitched(route.lang));
        if (dc.activeDialog) await dc.repromptDialog();
        else await this.showMenu(ctx, route.lang, t(route.lang, 'welcome.choose'));
        return;
      case 'privacy':
        if (this.hooks.privacy) await this.hooks.privacy(dc, route.action);
        else await this.showMenu(ctx, lang, t(lang, 'welcome.storage', { days: this.options.retentionDays }));
        return;
      case 'smalltalk':
        if (route.key === 'greeting') await this.showMenu(ctx, lang, t(lang, 'smalltalk.greeting'));
        else await ctx.sendActivity(t(lang, `smalltalk.${route.key}`));
        return;
      case 'clarify':
        await this.clarify(ctx, data, route.intents, route.question);
        return;
      case 'none':
        await this.miss(ctx, data, false);
        return;
    }
  }

  /**
   * "Did you mean …?" with the likeliest readings and a person among the buttons. It counts as a
   * miss: after two unclear messages in a row the bot offers a human instead of asking again.
   */
  private async clarify(ctx: TurnContext, data: ConversationData, intents: string[], question: string): Promise<void> {
    data.misses += 1;
    if (data.misses >= 2) {
      await this.miss(ctx, data, false);
      return;
    }
    const offered = [...new Set([...intents, 'handoff.request'])];
    data.clarifying = { intents: offered, question };
    await ctx.sendActivity(MessageFactory.suggestedActions(offered.map((i) => t(data.lang, `clarify.intents.${i}`)), t(data.lang, 'clarify.question')));
  }

  /** The same-day answer; what the user wrote is remembered so a later handoff is marked urgent. */
  private async emergency(ctx: TurnContext, data: ConversationData, inFlow = false): Promise<void> {
    data.urgentSignals = [...new Set([...(data.urgentSignals ?? []), ...urgentSignalsIn(ctx.activity.text ?? '')])];
    markSameDayShown(ctx);
    // Inside a flow (the homeless person pressing "Jeg har ikke et sted å sove"), help already given
    // is not repeated in full: one line says it is noted, and the flow goes on.
    if (inFlow && data.topicsExplained.includes('NODHJELP')) {
      await ctx.sendActivity(t(data.lang, 'sameDay.again'));
      return;
    }
    if (this.hooks.emergencyReply) await this.hooks.emergencyReply(ctx, data.lang);
    else await ctx.sendActivity(t(data.lang, 'human.placeholder'));
  }

  /**
   * Begins a flow, or, when that flow is already running, goes back to it instead of stacking a
   * second copy: a new rights topic replaces the one on top; any other flow asks its question again.
   */
  private async startFlow(dc: DialogContext, data: ConversationData, dialogId: string, options?: Record<string, unknown>): Promise<void> {
    const ctx = dc.context;
    // Flows opened on top of it (a rights topic asked about in the middle of the questionnaire)
    // are dropped without their resume steps, so the user gets one question, not a cascade.
    // botbuilder keeps the active dialog at the end of the stack.
    const index = dc.stack.map((instance) => instance.id).lastIndexOf(dialogId);
    if (index >= 0) dc.stack.splice(index + 1);
    let result;
    if (dc.activeDialog?.id === dialogId) {
      if (dialogId === 'rights') result = await dc.replaceDialog(dialogId, options);
      else {
        await dc.repromptDialog();
        return;
      }
    } else {
      result = await dc.beginDialog(dialogId, options);
    }
    if (result.status === DialogTurnStatus.complete) await this.afterFlow(ctx, data);
  }

  /**
   * After the second miss in a row the bot offers a human instead of asking again; inside a flow
   * the offer's other button goes back to the flow's question. Returns true when it offered.
   */
  private async miss(ctx: TurnContext, data: ConversationData, inFlow: boolean): Promise<boolean> {
    const lang = data.lang;
    // Words of distress that the person has just said are not a wish to harm themselves are no
    // misunderstanding to count: they get a kind line, not "I did not understand".
    if (ctx.turnState.get(AFTER_CHECK_IN) === true) {
      if (inFlow) await ctx.sendActivity(t(lang, 'safety:checkIn.afterNoInFlow'));
      else await this.showMenu(ctx, lang, t(lang, 'safety:checkIn.afterNo'));
      return false;
    }
    data.misses += 1;
    if (data.misses >= 2) {
      const other = inFlow ? t(lang, 'safety:buttons.continue') : t(lang, 'menu.triage');
      await ctx.sendActivity(MessageFactory.suggestedActions([t(lang, 'menu.human'), other], t(lang, 'human.offerAfterMisses')));
      data.askedYesNo = { kind: 'human', inFlow };
      return true;
    }
    if (mostlyOtherScript(ctx.activity.text ?? '')) await ctx.sendActivity(t(lang, 'notUnderstood.otherScript'));
    if (inFlow) await ctx.sendActivity(t(lang, 'notUnderstood.inFlow'));
    else await this.showMenu(ctx, lang, t(lang, 'notUnderstood.text'));
    return false;
  }

  private async afterFlow(ctx: TurnContext, data: ConversationData): Promise<void> {
    await this.showMenu(ctx, data.lang, t(data.lang, 'welcome.choose'));
  }

  private async showMenu(ctx: TurnContext, lang: Lang, text: string): Promise<void> {
    await ctx.sendActivity(menuActivity(lang, text, ctx.activity.channelId) as Partial<Activity>);
  }
}

