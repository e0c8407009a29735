import type { Lang } from '../language.js';
import { formatDateAndTime } from '../availability/formatDate.js';
import { known } from './summary.js';
import type { HandoffSummary, RenderedSummary, Translate } from './summaryTypes.js';

/** NAV's dialog format (veilarbdialog): "Tema" at most 100 characters, "Melding" at most 5 000. */
export const MAX_HEADING = 100;
export const MAX_TEXT = 5000;

interface Section {
  text: string;
  /** A shorter version used when the whole text is too long; sections without one are kept. */
  short?: string;
}

function list(lines: string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

function label(tr: Translate, key: string, fallback: string): string {
  return known(tr, key) ?? fallback;
}

/**
 * Renders the summary as plain text in `lang` with the texts `tr` gives for that language. The same
 * function renders the copy the user approves and the copy the veileder gets, so for the same
 * language the two are the same bytes; the record keeps the exact text the user saw.
 */
export function renderSummary(summary: HandoffSummary, lang: Lang, tr: Translate): RenderedSummary {
  const a = summary.assessment;
  const sections: Section[] = [];

  sections.push({
    text: [
      tr('render.intro'),
      tr('render.language', { language: tr(`languageName.${summary.language}`) }),
      tr('render.priority', { priority: tr(`priority.${summary.priority}`) }),
    ].join('\n'),
  });

  sections.push({ text: `${tr('render.ownWords')}\n«${summary.request}»` });

  const notes = summary.lifeAreas.filter((l) => l.note);
  if (notes.length > 0) {
    sections.push({
      text: `${tr('render.ownWordsAreas')}\n${list(notes.map((l) => `${label(tr, `area.${l.area}`, l.area)}: «${l.note}»`))}`,
    });
  }

  if (summary.triageUnfinished) sections.push({ text: tr('render.unfinished', { count: summary.answers.length }) });

  if (summary.answers.length > 0) {
    // Labels are rendered again in this language from the codes, not copied from the JSON.
    const lines = summary.answers.map(({ questionId, answer }) => {
      const question = label(tr, `question.${questionId}`, questionId);
      const value =
        answer === ''
          ? tr('answer.skipped')
          : answer
              .split(',')
              .map((code) => label(tr, `code.${code}`, code))
              .join(', ');
      return `${question}: ${value}`;
    });
    sections.push({
      text: `${tr('render.answers')}\n${list(lines)}`,
      short: tr('render.answersShort', { count: lines.length }),
    });
  }

  const chat: string[] = [];
  if (a?.level) chat.push(label(tr, `level.${a.level}`, a.level));
  for (const reason of a?.reasons ?? []) chat.push(label(tr, `reason.${reason.code}`, reason.code));
  if (a?.needsWorkAbilityAssessment) chat.push(tr('render.workAbility'));
  if (a?.userDisagrees) chat.push(tr('render.userDisagrees'));
  for (const flag of summary.flags) chat.push(label(tr, `flag.${flag}`, flag));
  if (chat.length > 0) sections.push({ text: `${tr('render.chatAssessment')}\n${list(chat)}` });
  else sections.push({ text: `${tr('render.chatAssessment')}\n${list([tr('render.noTriage')])}` });

  if (summary.topicsExplained.length > 0) {
    const topics = summary.topicsExplained.map((t) => label(tr, `topic.${t}`, t)).join(', ');
    sections.push({ text: `${tr('render.topicsExplained')} ${topics}`, short: '' });
  }

  if (summary.nextStepCodes.length > 0) {
    sections.push({
      text: `${tr('render.nextSteps')}\n${list(summary.nextStepCodes.map((c) => label(tr, `nextStep.${c}`, c)))}`,
    });
  }

  const footer = tr('render.footer', { date: formatDateAndTime(new Date(summary.createdAt), lang) });
  return { lang, heading: heading(summary, tr), text: fit(sections, footer) };
}

function heading(summary: HandoffSummary, tr: Translate): string {
  const text = tr(summary.priority === 'URGENT' ? 'render.headingUrgent' : 'render.heading');
  return text.length <= MAX_HEADING ? text : `${text.slice(0, MAX_HEADING - 1)}…`;
}

function join(sections: Section[], footer: string): string {
  return [...sections.map((s) => s.text).filter((t) => t !== ''), footer].join('\n\n');
}

/** Keeps the text within 5 000 characters: shortens the least important parts, then the request. */
function fit(sections: Section[], footer: string): string {
  let text = join(sections, footer);
  for (let i = sections.length - 1; i >= 0 && text.length > MAX_TEXT; i -= 1) {
    const section = sections[i];
    if (section?.short !== undefined) {
      sections[i] = { text: section.short };
      text = join(sections, footer);
    }
  }
  if (text.length > MAX_TEXT) {
    const over = text.length - MAX_TEXT + 1;
    const request = sections[1];
    if (request) sections[1] = { text: `${request.text.slice(0, Math.max(0, request.text.length - over - 1))}…»` };
    text = join(sections, footer);
  }
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - footer.length - 3)}…\n\n${footer}`;
}
