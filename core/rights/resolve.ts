import { topicEntry, type TopicCode } from './catalogue.js';
import type { Point, QuestionReading, Situation } from './points.js';

/** What to answer: parts of one topic, and the person's situation when a part has its own figure for it. */
export interface AnswerPlan {
  topic: TopicCode;
  parts: string[];
  situation?: Situation;
  /** The points answered, kept so a follow-up about another topic ("og for KVP?") can ask them there. */
  points: Point[];
}

/** At most this many parts in one reply: "how much and for how long" gets both, briefly. */
const MAX_PARTS = 2;

/**
 * The topic a question is about. The classifier's topic holds when the text names it or names
 * nothing; a question routed to appeals in general ("klagefrist for sosialhjelp") or one that
 * names only another topic is about the topic it names.
 */
export function questionTopic(routed: TopicCode, reading: QuestionReading): TopicCode {
  const named = reading.topics;
  const asked = [...reading.points, ...reading.weakPoints];
  // "kor går klaga mi" is about appeals even when it was read as a question about one's own case.
  if (named.length === 0 && asked.some((p) => p === 'appeal' || p === 'deadline') && !answers(routed, ['appeal', 'deadline'])) return 'KLAGE';
  if (named.length === 0 || named.includes(routed)) return routed;
  // A question about one's own case stays there unless it asks a general point ("hvor mye er AAP per dag").
  if (routed === 'OWN_CASE' && reading.points.length === 0) return routed;
  return named[0] as TopicCode;
}

function answers(topic: TopicCode, points: readonly Point[]): boolean {
  return topicEntry(topic).parts.some((p) => p.points.some((x) => points.includes(x)));
}

/** The points that ask something of this topic: "what is" and the topic's own point ask for the topic itself (its short answer). */
function askedPoints(topic: TopicCode, points: readonly Point[]): Point[] {
  let asked = [...new Set(points)];
  const own = topicEntry(topic).ownPoint;
  if (own) asked = asked.filter((p) => p !== own);
  // "how long do I have to appeal" asks for the deadline, not for how long the benefit lasts.
  if (asked.includes('deadline')) asked = asked.filter((p) => p !== 'duration');
  if (asked.length > 1) asked = asked.filter((p) => p !== 'what');
  return asked.filter((p) => p !== 'what');
}

/**
 * The parts of a topic that answer these points, in the order asked; with no point, the part that
 * has its own figure for the person's situation ("og hvis jeg har barn?" is about the amount).
 */
export function planFor(topic: TopicCode, points: readonly Point[], situations: readonly Situation[], weakPoints: readonly Point[] = []): AnswerPlan {
  const entry = topicEntry(topic);
  const partsFor = (asked: readonly Point[]) => [...new Set(asked.flatMap((point) => entry.parts.find((p) => p.points.includes(point))?.id ?? []))];
  let asked = askedPoints(topic, points);
  let parts = partsFor(asked);
  if (parts.length === 0) {
    const part = entry.parts.find((p) => situations.some((s) => p.situations.includes(s)));
    if (part) parts.push(part.id);
  }
  // "hvordan klager jeg" in KLAGE: the strong cue was the topic itself, so the weak one is the point.
  if (parts.length === 0) {
    asked = askedPoints(topic, weakPoints);
    parts = partsFor(asked);
  }
  const chosen = parts.slice(0, MAX_PARTS);
  const chosenEntries = chosen.map((id) => entry.parts.find((p) => p.id === id)).filter((p) => p !== undefined);
  const situation = situations.find((s) => chosenEntries.some((p) => p.situations.includes(s)));
  // "og hvis jeg har barn?" asked no point, but was answered with the amount: that is what carries on.
  const answered = asked.length > 0 ? asked : chosenEntries.flatMap((p) => p.points.slice(0, 1));
  return { topic, parts: chosen, points: answered, ...(situation ? { situation } : {}) };
}

/** The first question: its topic (see questionTopic) and the parts that answer it. */
export function firstPlan(routed: TopicCode, reading: QuestionReading): AnswerPlan {
  const topic = questionTopic(routed, reading);
  const own = topicEntry(routed).ownPoint;
  // "klage på AAP-vedtaket" came in as an appeal: in AAP it asks for AAP's appeal part.
  const points = topic !== routed && own ? [...reading.points, own] : reading.points;
  return planFor(topic, points, reading.situations, reading.weakPoints);
}

/**
 * A message inside a topic: parts of this topic; parts of another topic when it is a short
 * follow-up that names only that topic ("og for KVP?" after the AAP deadline: the KVP deadline);
 * 'other' when it is about another topic (the root routes it); undefined when it asks no point.
 */
export function followUpPlan(current: TopicCode, reading: QuestionReading, lastPoints: readonly Point[]): AnswerPlan | 'other' | undefined {
  const named = reading.topics;
  if (named.length > 0 && !named.includes(current)) {
    const other = named[0] as TopicCode;
    const carried = lastPoints.length > 0 ? lastPoints : topicEntry(current).ownPoint ? [topicEntry(current).ownPoint as Point] : [];
    if (named.length === 1 && reading.points.length === 0 && carried.length > 0 && (reading.followUp || reading.words <= 4)) {
      const plan = planFor(other, carried, reading.situations);
      if (plan.parts.length > 0) return plan;
    }
    return 'other';
  }
  // Inside a topic a weak cue alone ("hvilken hjelp kan jeg få") is a new request, unless it is
  // put as a follow-up ("og hvordan gjør jeg det?").
  const plan = planFor(current, reading.points, reading.situations, reading.followUp ? reading.weakPoints : []);
  return plan.parts.length > 0 ? plan : undefined;
}
