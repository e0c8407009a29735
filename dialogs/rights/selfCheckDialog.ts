import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { evaluateSelfCheck, isSelfCheckTopic, selfCheckQuestions, type SelfCheckAnswer, type SelfCheckTopic } from '../../core/rights/selfCheck.js';
import { markUnhandled, turnLang } from '../context.js';
import { t, tList } from '../i18n.js';
import { matchKey } from '../../core/normalize.js';
import { topicInSentence } from './render.js';
import { choicesReply, submittedText } from './reply.js';
import { isWord } from '../triage/answerMatching.js';

export const SELF_CHECK_DIALOG_ID = 'selfcheck';

export interface SelfCheckOptions {
  topic: SelfCheckTopic;
}

interface SelfCheckState {
  topic: SelfCheckTopic;
  index: number;
  answers: Record<string, SelfCheckAnswer>;
}

const ANSWER_LISTS: Record<SelfCheckAnswer, string> = { yes: 'yesWords', no: 'noWords', unknown: 'unknownWords' };

/** "ja", "Nei takk", "veit ikkje", or the button text; a longer sentence counts when it starts with one. */
export function matchSelfCheckAnswer(lang: Lang, text: string): SelfCheckAnswer | undefined {
  const key = matchKey(text);
  if (!key) return undefined;
  const answers = Object.keys(ANSWER_LISTS) as SelfCheckAnswer[];
  for (const a of answers) {
    const phrases = [t(lang, `rights:selfcheck.${a}`), ...tList(lang, `rights:selfcheck.${ANSWER_LISTS[a]}`)].map(matchKey);
    if (phrases.includes(key)) return a;
  }
  // "unknown" first: "vet ikke" must not be read as a "no" because of "ikke".
  for (const a of ['unknown', 'no', 'yes'] as const) {
    const phrases = tList(lang, `rights:selfcheck.${ANSWER_LISTS[a]}`).map(matchKey);
    if (phrases.some((p) => key.startsWith(`${p} `))) return a;
  }
  return undefined;
}

/** The back button, or "tilbake", "go back" and the like in any language. */
function isBack(lang: Lang, text: string): boolean {
  return matchKey(text) === matchKey(t(lang, 'rights:selfcheck.back')) || isWord(lang, text, 'back');
}

function joinReasons(lang: Lang, reasons: string[]): string {
  if (reasons.length <= 1) return reasons.join('');
  return `${reasons.slice(0, -1).join(', ')} ${t(lang, 'rights:selfcheck.result.and')} ${reasons.at(-1)}`;
}

/**
 * A few yes/no questions for AAP or KVP, then "may fit" or "probably not, because …". It always
 * ends by saying that NAV decides and how to apply or talk to a veileder.
 */
export class SelfCheckDialog extends Dialog<SelfCheckOptions> {
  constructor() {
    super(SELF_CHECK_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext, options?: SelfCheckOptions): Promise<DialogTurnResult> {
    if (!isSelfCheckTopic(options?.topic)) return dc.endDialog();
    const state: SelfCheckState = { topic: options.topic, index: 0, answers: {} };
    (dc.activeDialog as DialogInstance).state = state;
    const lang = turnLang(dc.context);
    const count = selfCheckQuestions(state.topic).length;
    await dc.context.sendActivity(t(lang, 'rights:selfcheck.intro', { count, topic: topicInSentence(lang, state.topic) }));
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance).state as SelfCheckState;
    const lang = turnLang(dc.context);
    const typed = submittedText(dc.context);
    if (state.index > 0 && isBack(lang, typed)) {
      // "tilbake": the previous question again, its answer forgotten.
      state.index -= 1;
      const previous = selfCheckQuestions(state.topic)[state.index];
      if (previous) delete state.answers[previous.id];
      await this.ask(dc.context, state);
      return Dialog.EndOfTurn;
    }
    const answer = matchSelfCheckAnswer(lang, typed);
    if (!answer) {
      markUnhandled(dc.context);
      return Dialog.EndOfTurn;
    }
    const questions = selfCheckQuestions(state.topic);
    const question = questions[state.index];
    if (question) state.answers[question.id] = answer;
    state.index += 1;
    if (state.index < questions.length) {
      await this.ask(dc.context, state);
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(this.resultText(lang, state));
    return dc.endDialog();
  }

  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.ask(dc.context, (dc.activeDialog as DialogInstance).state as SelfCheckState);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as SelfCheckState);
  }

  private async ask(context: TurnContext, state: SelfCheckState): Promise<void> {
    const lang = turnLang(context);
    const questions = selfCheckQuestions(state.topic);
    const question = questions[state.index];
    if (!question) return;
    const text = `${t(lang, 'rights:selfcheck.progress', { n: state.index + 1, count: questions.length })} ${t(lang, `rights:selfcheck.${state.topic}.${question.id}.question`)}`;
    const answers = [t(lang, 'rights:selfcheck.yes'), t(lang, 'rights:selfcheck.no'), t(lang, 'rights:selfcheck.unknown')];
    await context.sendActivity(choicesReply(context, lang, text, answers, state.index > 0 ? t(lang, 'rights:selfcheck.back') : undefined));
  }

  private resultText(lang: Lang, state: SelfCheckState): string {
    const result = evaluateSelfCheck(selfCheckQuestions(state.topic), state.answers);
    const topic = topicInSentence(lang, state.topic);
    const reasons = result.notMatching.map((id) => t(lang, `rights:selfcheck.${state.topic}.${id}.reason`));
    const lines = [
      t(lang, `rights:selfcheck.result.${result.outcome}`, { topic, reasons: joinReasons(lang, reasons) }),
      t(lang, 'rights:selfcheck.result.decides'),
      t(lang, `rights:selfcheck.next.${state.topic}`),
    ];
    if (result.outcome !== 'mayFit') lines.push(t(lang, 'rights:selfcheck.result.otherHelp'));
    return lines.join('\n\n');
  }
}
