import type { Lang } from '../../core/language.js';
import { matchKey } from '../../core/normalize.js';
import { partIds } from '../../core/rights/answer.js';
import { TOPIC_CODES, topicEntry, type TopicCode } from '../../core/rights/catalogue.js';
import { t, tListMatchKeys, tMatchKey } from '../i18n.js';

export type RightsChoice = { kind: 'part'; part: string } | { kind: 'selfcheck' } | { kind: 'back' } | { kind: 'none' };

/**
 * Does a listed word occur in the text? Entries of three letters or more also match the start of
 * a word ("søk" matches "søker", "søknaden"); shorter ones ("bo", "nå") only match whole words.
 */
function mentions(tokens: string[], joined: string, key: string): boolean {
  if (key.length === 0) return false;
  if (key.includes(' ')) return ` ${joined} `.includes(` ${key} `) || (key.length >= 6 && ` ${joined}`.includes(` ${key}`));
  return key.length >= 3 ? tokens.some((tok) => tok.startsWith(key)) : tokens.includes(key);
}

/** `keys` are already in matchKey form. */
function countMentions(tokens: string[], joined: string, keys: readonly string[]): number {
  return keys.filter((key) => mentions(tokens, joined, key)).length;
}

const partLabelKey = (topic: TopicCode, part: string) => `rights:topics.${topic}.parts.${part}.label`;
const selfCheckLabelKey = (topic: TopicCode) => `rights:topics.${topic}.selfCheckLabel`;

export function partLabel(lang: Lang, topic: TopicCode, part: string): string {
  return t(lang, partLabelKey(topic, part));
}

export function selfCheckLabel(lang: Lang, topic: TopicCode): string | undefined {
  return topicEntry(topic).selfCheck ? t(lang, selfCheckLabelKey(topic)) : undefined;
}

/** A button's text (a part, the self-check, back to the menu) or one of the words for going back. */
export function matchRightsButton(lang: Lang, topic: TopicCode, text: string): RightsChoice {
  const joined = matchKey(text);
  if (!joined) return { kind: 'none' };
  for (const part of partIds(topic)) if (tMatchKey(lang, partLabelKey(topic, part)) === joined) return { kind: 'part', part };
  if (topicEntry(topic).selfCheck && tMatchKey(lang, selfCheckLabelKey(topic)) === joined) return { kind: 'selfcheck' };
  if (tMatchKey(lang, 'rights:ui.backToMenu') === joined) return { kind: 'back' };
  if (tListMatchKeys(lang, 'rights:ui.backWords').includes(joined)) return { kind: 'back' };
  return { kind: 'none' };
}

/** "Vis mer", or words that ask for the rest of the answer just given. */
export function asksForMore(lang: Lang, text: string): boolean {
  const joined = matchKey(text);
  return joined !== '' && (tMatchKey(lang, 'rights:ui.showMore') === joined || tListMatchKeys(lang, 'rights:ui.showMoreWords').includes(joined));
}

/** Free text that names one of the topic's parts by its words ("hva står i vedtaket?"). */
export function matchRightsWords(lang: Lang, topic: TopicCode, text: string): RightsChoice {
  const joined = matchKey(text);
  if (!joined) return { kind: 'none' };
  const parts = partIds(topic);
  const check = topicEntry(topic).selfCheck === true;
  const tokens = joined.split(' ');
  const aboutThisTopic = countMentions(tokens, joined, tListMatchKeys(lang, `rights:topics.${topic}.words`)) > 0;
  // KLAGE is left out: "uenig i vedtaket" inside a topic is about that topic's own appeal part.
  const aboutOther = TOPIC_CODES.some((other) => other !== topic && other !== 'KLAGE' && countMentions(tokens, joined, tListMatchKeys(lang, `rights:topics.${other}.words`)) > 0);
  if (aboutOther && !aboutThisTopic) return { kind: 'none' };

  if (check && countMentions(tokens, joined, tListMatchKeys(lang, 'rights:ui.selfCheckWords')) > 0) return { kind: 'selfcheck' };
  let best: { part: string; score: number } | undefined;
  for (const part of parts) {
    const score = countMentions(tokens, joined, tListMatchKeys(lang, `rights:topics.${topic}.parts.${part}.words`));
    if (score > 0 && (!best || score > best.score)) best = { part, score };
  }
  return best ? { kind: 'part', part: best.part } : { kind: 'none' };
}
