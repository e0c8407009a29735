import type { Lang } from '../language.js';
import { formatDateAndTime } from '../availability/formatDate.js';
import { keyFacts } from './keyFacts.js';
import { known } from './summary.js';
import type { HandoffSummary, RenderedSummary, Translate } from './summaryTypes.js';
import { cutText } from '../wellFormed.js';

/** NAV's dialog format (veilarbdialog): "Tema" at most 100 characters, "Melding" at most 5 000. */
export const MAX_HEADING = 100;
export const MAX_TEXT = 5000;
/** About two phone screens (390 × 844) of chat text: the short part of the summary stays within this. */
export const SHORT_TEXT = 1200;

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
 * Renders the summary as plain text in `lang` with the texts `tr` gives for that language: plain
 * sentences, never a code. The short part comes first (the request, the urgency if any, the
 * indication in one line, up to five key facts); all the answers follow. The same function renders
 * the copy the user approves, the veileder's copy and the Teams card's text, so for the same
 * language they are the same bytes; the record keeps the exact text the user saw.
 */
export function renderSummary(summary: HandoffSummary, lang: Lang, tr: Translate): RenderedSummary {
  const a = summary.assessment;
  const sections: Section[] = [];

  sections.push({ text: `${tr('render.intro')} ${tr('render.language', { language: tr(`languageName.${summary.language}`) })}` });
  sections.push({ text: `${tr('render.ownWords')}\n«${summary.request}»` });

  const urgent = summary.flags.flatMap((f) => (f === 'URGENT_MONEY' || f === 'URGENT_HOUSING' ? [known(tr, `urgent.${f}`)] : [])).filter(isText);
  if (urgent.length > 0) sections.push({ text: urgent.join('\n') });

  const level = a?.level ? known(tr, `level.${a.level}`) : undefined;
  if (level) sections.push({ text: tr('render.indication', { level }) });
  else if (summary.triageUnfinished) sections.push({ text: tr('render.unfinished', { count: summary.answers.length }) });
  else sections.push({ text: tr('render.noTriage') });

  const facts = keyFacts(summary.answers).map((f) => known(tr, `fact.${f}`)).filter(isText);
  if (a?.userDisagrees && !facts.includes(tr('fact.CAN_MANAGE'))) facts.push(tr('render.userDisagrees'));
  if (facts.length > 0) sections.push({ text: `${tr('render.keyFacts')}\n${list(facts)}` });

  const notes = summary.lifeAreas.filter((l) => l.note);
  if (notes.length > 0) {
    sections.push({
      text: `${tr('render.ownWordsAreas')}\n${list(notes.map((l) => `${label(tr, `area.${l.area}`, '')}: «${l.note}»`))}`,
    });
  }
  const shortCount = sections.length;

  if (summary.answers.length > 0) {
    // Labels are rendered again in this language from the codes, not copied from the JSON.
    const lines = summary.answers.map(({ questionId, answer }) => {
      const question = known(tr, `question.${questionId}`);
      const value = answer === '' ? tr('answer.skipped') : answer.split(',').map((code) => known(tr, `code.${code}`) ?? code).join(', ');
      return question ? `${question}: ${value}` : undefined;
    }).filter(isText);
    sections.push({ text: `${tr('render.answers')}\n${list(lines)}`, short: tr('render.answersShort', { count: lines.length }) });
  }

  if (summary.topicsExplained.length > 0) {
    const topics = summary.topicsExplained.map((t) => known(tr, `topic.${t}`)).filter(isText).join(', ');
    if (topics) sections.push({ text: `${tr('render.topicsExplained')} ${topics}`, short: '' });
  }

  if (summary.nextStepCodes.length > 0) {
    const steps = summary.nextStepCodes.map((c) => known(tr, `nextStep.${c}`)).filter(isText);
    if (steps.length > 0) sections.push({ text: `${tr('render.nextSteps')}\n${list(steps)}`, short: '' });
  }

  const footer = tr('render.footer', { date: formatDateAndTime(new Date(summary.createdAt), lang) });
  const text = fit(sections, footer);
  // A text that already fits two phone screens is shown whole; a longer one starts with its short part.
  const short = text.length > SHORT_TEXT ? join(sections.slice(0, shortCount), footer) : undefined;
  return { lang, heading: heading(summary, tr), text, ...(short ? { short } : {}) };
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
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
    if (request) sections[1] = { text: `${cutText(request.text, Math.max(0, request.text.length - over - 1))}…»` };
    text = join(sections, footer);
  }
  return text.length <= MAX_TEXT ? text : `${cutText(text, MAX_TEXT - footer.length - 3)}…\n\n${footer}`;
}
