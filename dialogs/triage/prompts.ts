import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import {
  REASON_CODES, questionById, questionBank, type Answers, type Assessment, type Question, type QuestionId, type ReasonCode, type RightCode,
} from '../../core/triage/index.js';
import { factor, formatDecimal } from '../../core/rights/index.js';
import { t, tMatchKey } from '../i18n.js';
import { matchKey } from '../../core/normalize.js';
import { optionLabel } from './answerMatching.js';

type Reply = Partial<Activity>;

/** The reasons that explain the level (rules 1–3); flags, rights and priority are shown in other ways. */
const LEVEL_REASONS: readonly ReasonCode[] = REASON_CODES.slice(0, REASON_CODES.indexOf('WORK_ABILITY_ASSESSMENT_FIRST')).filter(
  (c) => c !== 'USER_DISAGREES',
);

/**
 * Button text for each rights topic. Where the root menu already has the topic, its label is used,
 * so the root routes the button exactly as the menu choice; the other two are routed by the root's
 * classifier or by rightsTopicForText().
 */
const RIGHT_LABEL_KEYS: Record<RightCode, string> = {
  PARAGRAF_14A: 'menu.followUp',
  AAP: 'menu.aap',
  KVP: 'menu.kvp',
  OKONOMISK_STONAD: 'menu.money',
  NODHJELP: 'menu.emergency',
  MIDLERTIDIG_BOTILBUD: 'triage:rights.MIDLERTIDIG_BOTILBUD',
  GJELDSRADGIVNING: 'triage:rights.GJELDSRADGIVNING',
};

export function rightLabel(lang: Lang, right: RightCode): string {
  return t(lang, RIGHT_LABEL_KEYS[right]);
}

export function questionLabel(lang: Lang, id: QuestionId): string {
  return t(lang, questionById(id).labelKey);
}

function labelList(lang: Lang, ids: readonly QuestionId[]): string {
  return ids.map((id) => questionLabel(lang, id).toLowerCase()).join(', ');
}

/** One question as text with its options and the skip/back buttons. */
export function questionActivity(lang: Lang, question: Question, opts: { canGoBack: boolean; chosen?: string[]; prefix?: string; progress?: string }): Reply {
  const chosen = opts.chosen ?? [];
  const lines: string[] = [];
  if (opts.prefix) lines.push(opts.prefix);
  if (question.type === 'multi' && chosen.length > 0) {
    lines.push(t(lang, 'triage:multi.chosen', { list: chosen.map((c) => optionLabel(lang, question, c)).join(', ') }));
  } else {
    lines.push(t(lang, question.textKey));
  }
  // "Spørsmål 5 av 17" after the question, so a screen reader reads the question first.
  if (opts.progress) lines.push(opts.progress);
  // After a choice, "Ingen inntekt" would drop it: it is offered only while nothing is chosen.
  const hidden = chosen.length > 0 ? [...chosen, ...(question.exclusiveCodes ?? [])] : chosen;
  const buttons = (question.codes ?? []).filter((c) => !hidden.includes(c)).map((c) => optionLabel(lang, question, c));
  if (question.type === 'multi') buttons.push(t(lang, 'triage:buttons.done'));
  buttons.push(t(lang, 'triage:buttons.skip'));
  if (opts.canGoBack) buttons.push(t(lang, 'triage:buttons.back'));
  return MessageFactory.suggestedActions(buttons, lines.join('\n\n'));
}

export function formatAnswer(lang: Lang, question: Question, value: unknown): string {
  if (value === null || value === undefined) return t(lang, 'triage:review.skipped');
  if (Array.isArray(value)) return value.map((c) => optionLabel(lang, question, String(c))).join(', ');
  if (question.type === 'single') return optionLabel(lang, question, String(value));
  return String(value);
}

/** The questions the user has an answer (or a skip) for, in the order they were asked. */
export function answeredQuestions(answers: Answers): Question[] {
  return questionBank().questions.filter((q) => q.section !== 'self' && Object.prototype.hasOwnProperty.call(answers, q.id));
}

export function reviewActivity(lang: Lang, answers: Answers): Reply {
  const lines = answeredQuestions(answers).map((q) => `- ${t(lang, q.labelKey)}: ${formatAnswer(lang, q, (answers as Record<string, unknown>)[q.id])}`);
  const text = [t(lang, 'triage:review.heading'), lines.join('\n'), t(lang, 'triage:review.ask')].join('\n\n');
  return MessageFactory.suggestedActions([t(lang, 'triage:buttons.showResult'), t(lang, 'triage:buttons.change')], text);
}

export function pickChangeActivity(lang: Lang, answers: Answers): Reply {
  const labels = answeredQuestions(answers).map((q) => t(lang, q.labelKey));
  return MessageFactory.suggestedActions([...labels, t(lang, 'triage:buttons.back')], t(lang, 'triage:review.whichOne'));
}

/** The question whose summary label the user pressed or typed. */
export function questionForLabel(lang: Lang, answers: Answers, text: string): Question | undefined {
  const wanted = matchKey(text);
  if (!wanted) return undefined;
  const candidates = answeredQuestions(answers);
  return (
    candidates.find((q) => tMatchKey(lang, q.labelKey) === wanted) ??
    candidates.find((q) => wanted.length >= 4 && tMatchKey(lang, q.labelKey).includes(wanted))
  );
}

function reasonText(lang: Lang, code: ReasonCode, ids: readonly QuestionId[]): string {
  return t(lang, `triage:reasons.${code}`, { list: labelList(lang, ids) });
}

export function levelName(lang: Lang, level: Assessment['level']): { name: string; legal: string } {
  return { name: t(lang, `triage:levels.${level}.name`), legal: t(lang, `triage:levels.${level}.legal`) };
}

/** The result: same-day needs first, then the level with its reasons, then what happens next. */
export function resultActivities(lang: Lang, assessment: Assessment): Reply[] {
  const replies: Reply[] = [];
  const urgent = (['URGENT_MONEY', 'URGENT_HOUSING'] as const).filter((f) => assessment.flags.includes(f));
  if (urgent.length > 0) replies.push(MessageFactory.text(urgent.map((f) => t(lang, `triage:flagNotes.${f}`)).join('\n\n')));

  const reasons = assessment.reasons.filter((r) => LEVEL_REASONS.includes(r.code));
  const levelParts = [
    t(lang, 'triage:result.heading', levelName(lang, assessment.level)),
    t(lang, `triage:levels.${assessment.level}.meaning`),
  ];
  if (assessment.level === 'VARIG_TILPASSET_INNSATS') levelParts.push(t(lang, 'triage:result.jobbeDelvis'));
  if (reasons.length > 0) {
    levelParts.push(`${t(lang, 'triage:result.because')}\n${reasons.map((r) => `- ${reasonText(lang, r.code, r.questionIds)}`).join('\n')}`);
  }
  replies.push(MessageFactory.text(levelParts.join('\n\n')));

  const next: string[] = [];
  if (assessment.needsWorkAbilityAssessment) next.push(t(lang, 'triage:result.workAbility'));
  for (const f of ['UNDER_18', 'UNGDOMSGARANTI'] as const) if (assessment.flags.includes(f)) next.push(t(lang, `triage:flagNotes.${f}`));
  next.push(t(lang, 'triage:result.indication'), t(lang, 'triage:result.appeal', { klage14a: formatDecimal(lang, factor('KLAGE_WEEKS_14A')) }));
  replies.push(MessageFactory.text(next.join('\n\n')));
  return replies;
}

export function selfAssessmentActivity(lang: Lang, prefix?: string): Reply {
  const q = questionById('selfAssessment');
  const text = [prefix, t(lang, q.textKey)].filter(Boolean).join('\n\n');
  return MessageFactory.suggestedActions([...(q.codes ?? []).map((c) => optionLabel(lang, q, c)), t(lang, 'triage:buttons.skip')], text);
}

/** Same-day help first among the topics offered. */
const OFFER_ORDER: readonly RightCode[] = ['NODHJELP', 'MIDLERTIDIG_BOTILBUD', 'OKONOMISK_STONAD', 'GJELDSRADGIVNING', 'AAP', 'KVP', 'PARAGRAF_14A'];

export function offerActivity(lang: Lang, assessment: Assessment, prefix?: string): Reply {
  const topics = OFFER_ORDER.filter((r) => assessment.relevantRights.includes(r)).map((r) => rightLabel(lang, r));
  const text = [prefix, t(lang, 'triage:offer.text')].filter(Boolean).join('\n\n');
  return MessageFactory.suggestedActions([...topics, t(lang, 'menu.human'), t(lang, 'triage:buttons.done')], text);
}

/**
 * The `verb` of the Teams answer card's submit; the dialog reads `answer` from the submitted value,
 * and `asked` (the question id, or the step: review, pickChange, self, offer) to know the card.
 */
export const TRIAGE_SUBMIT_VERB = 'triage';

/**
 * Teams shows only the first three suggested actions. There, a reply with more choices becomes an
 * Adaptive Card with the same choices as a radio list and one Action.Submit (Web Chat keeps the
 * suggested actions). The chosen value is the visible text, so answers are matched as if typed.
 */
export function forChannel(lang: Lang, channelId: string | undefined, reply: Reply, asked?: string): Reply {
  const titles = (reply.suggestedActions?.actions ?? []).map((a) => String(a.title));
  if (channelId !== 'msteams' || titles.length <= 3) return reply;
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: reply.text ?? '', wrap: true },
        {
          type: 'Input.ChoiceSet', id: 'answer', style: 'expanded', isRequired: true, errorMessage: t(lang, 'triage:card.pickOne'),
          label: reply.text ?? '', choices: titles.map((title) => ({ title, value: title })),
        },
      ],
      // `asked` names what the card asks, so a press on an older card is recognised as such.
      actions: [{ type: 'Action.Submit', title: t(lang, 'triage:card.send'), data: { verb: TRIAGE_SUBMIT_VERB, ...(asked ? { asked } : {}) } }],
    }),
  );
}
