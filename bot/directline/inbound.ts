import type { Activity } from 'botbuilder';

/** A BCP 47 tag such as "nb", "nn-NO" or "en-GB"; nothing longer or stranger is passed on. */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export function isLocaleTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 35 && LOCALE.test(value);
}

const TYPES = new Set(['message', 'event', 'typing']);
const MAX_TEXT = 10_000;
const MAX_NAME = 200;
/** A card's submitted value: a few input fields, never a tree. */
const MAX_VALUE_DEPTH = 8;
const MAX_VALUE_CHARS = 10_000;

/** True when `value` nests deeper than `max` (stops looking as soon as it does). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (max === 0) return true;
  return Object.values(value).some((v) => nestsDeeperThan(v, max - 1));
}

export type Inbound = { ok: true; activity: Partial<Activity> } | { ok: false; message: string };

/**
 * Keeps only what the bot may trust from a client's activity. Ids, addresses, timestamps and
 * the sender are set by the endpoint; Web Chat's clientActivityID is kept because Web Chat
 * matches the echo to the message it is sending by it.
 */
export function readInboundActivity(body: unknown): Inbound {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'The body must be an activity object.' };
  const raw = body as Record<string, unknown>;
  if (typeof raw.type !== 'string' || !TYPES.has(raw.type)) return { ok: false, message: 'The activity type must be message, event or typing.' };
  if (raw.text !== undefined && (typeof raw.text !== 'string' || raw.text.length > MAX_TEXT)) return { ok: false, message: 'The text must be a string of at most 10000 characters.' };
  if (raw.name !== undefined && (typeof raw.name !== 'string' || raw.name.length > MAX_NAME)) return { ok: false, message: 'The name must be a short string.' };
  if (raw.type === 'event' && typeof raw.name !== 'string') return { ok: false, message: 'An event needs a name.' };
  if (raw.value !== undefined && (nestsDeeperThan(raw.value, MAX_VALUE_DEPTH) || JSON.stringify(raw.value).length > MAX_VALUE_CHARS)) {
    return { ok: false, message: `The value must nest at most ${MAX_VALUE_DEPTH} levels and be at most ${MAX_VALUE_CHARS} characters as JSON.` };
  }

  const activity: Partial<Activity> = { type: raw.type };
  if (typeof raw.text === 'string') activity.text = raw.text;
  if (raw.textFormat === 'plain' || raw.textFormat === 'markdown') activity.textFormat = raw.textFormat;
  if (typeof raw.name === 'string') activity.name = raw.name;
  if (raw.value !== undefined) activity.value = raw.value;
  if (isLocaleTag(raw.locale)) activity.locale = raw.locale;

  const channelData = raw.channelData as Record<string, unknown> | undefined;
  const clientActivityID = channelData && typeof channelData === 'object' ? channelData.clientActivityID : undefined;
  if (typeof clientActivityID === 'string' && clientActivityID.length <= 100) activity.channelData = { clientActivityID };
  return { ok: true, activity };
}
