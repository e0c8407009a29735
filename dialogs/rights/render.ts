import type { Lang } from '../../core/language.js';
import { partAnswer, shortAnswer, type PartAnswer, type TextRef } from '../../core/rights/answer.js';
import type { TopicCode } from '../../core/rights/catalogue.js';
import type { IsoDate } from '../../core/rights/dates.js';
import { t } from '../i18n.js';

export function text(lang: Lang, ref: TextRef): string {
  return t(lang, ref.key, ref.params);
}

export function topicName(lang: Lang, topic: TopicCode): string {
  return t(lang, `rights:topics.${topic}.name`);
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
