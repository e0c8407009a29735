import type { Lang } from '../../core/language.js';
import { briefAnswer, partAnswer, shortAnswer, type BriefAnswer, type PartAnswer, type TextRef } from '../../core/rights/answer.js';
import type { TopicCode } from '../../core/rights/catalogue.js';
import type { IsoDate } from '../../core/rights/dates.js';
import type { Situation } from '../../core/rights/points.js';
import { t } from '../i18n.js';

export function text(lang: Lang, ref: TextRef): string {
  return t(lang, ref.key, ref.params);
}

/** The topic as a sentence reads it ("appealing a decision"), not its title ("Appeal a decision"). */
export function topicInSentence(lang: Lang, topic: TopicCode): string {
  return t(lang, `rights:topics.${topic}.inSentence`);
}

/** "Kilde: NAV-loven § 14 a, lovdata.no (https://…). Sist sjekket 17. august 2026." */
export function sourceLine(lang: Lang, answer: PartAnswer): string {
  const items = answer.sources.map((s) => t(lang, 'rights:ui.sourceItem', { label: t(lang, s.labelKey), url: s.url }));
  return t(lang, 'rights:ui.source', { sources: items.join(t(lang, 'rights:ui.sourceJoin')), checked: answer.checked });
}

/** The part as the user reads it: the text, then its figures. The source line is separate. */
export function partBody(lang: Lang, answer: PartAnswer): string {
  return [text(lang, answer.body), ...answer.figures.map((f) => text(lang, f))].join('\n\n');
}

/** The whole part message: text, figures, source and date checked. */
export function renderPart(lang: Lang, topic: TopicCode, partId: string, today: IsoDate): string | undefined {
  const answer = partAnswer(topic, partId, lang, today);
  if (!answer) return undefined;
  return `${partBody(lang, answer)}\n\n${sourceLine(lang, answer)}`;
}

export function renderShort(lang: Lang, topic: TopicCode, today: IsoDate): string {
  return text(lang, shortAnswer(topic, lang, today));
}

/** Words as a reader counts them: anything with a letter or digit between spaces. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** A first reply: the brief answer to each part, then one source line naming the rules it rests on. */
export interface BriefReply {
  /** The answer before its source line (at most about 60 words). */
  body: string;
  text: string;
  /** Some part says more on "Vis mer". */
  more: boolean;
}

export function renderBrief(lang: Lang, topic: TopicCode, parts: readonly string[], today: IsoDate, situation?: Situation): BriefReply | undefined {
  const answers = parts.map((p) => briefAnswer(topic, p, lang, today, situation)).filter((a): a is BriefAnswer => a !== undefined);
  if (answers.length === 0) return undefined;
  const body = answers.map((a) => [text(lang, a.body), ...a.figures.map((f) => text(lang, f))].join('\n\n')).join('\n\n');
  const sources = [...new Map(answers.map((a) => [a.source.id, a.source])).values()];
  const items = sources.map((s) => t(lang, 'rights:ui.sourceItem', { label: t(lang, s.labelKey), url: s.url }));
  const source = t(lang, 'rights:ui.source', { sources: items.join(t(lang, 'rights:ui.sourceJoin')), checked: answers[0]?.checked ?? '' });
  return { body, text: `${body}\n\n${source}`, more: answers.some((a) => a.more) };
}
