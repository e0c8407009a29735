/**
 * An activity redacted where it entered (the local Direct Line, the Bot Framework adapter) carries
 * this mark, so nothing after it redacts again. A symbol: it is never serialised, so no client can
 * send it and no store keeps it.
 */
const REDACTED_AT_EDGE = Symbol('veiviser.redactedAtEdge');

export function markRedactedAtEdge(activity: object): void {
  (activity as Record<symbol, unknown>)[REDACTED_AT_EDGE] = true;
}

export function isRedactedAtEdge(activity: object | undefined): boolean {
  return !!activity && (activity as Record<symbol, unknown>)[REDACTED_AT_EDGE] === true;
}

/** Deeper than this a value is dropped; the endpoints refuse such values before they get here. */
const MAX_DEPTH = 8;

/** Every string in a JSON value (card input values and their keys) passed through `clean`. */
export function redactDeep(value: unknown, clean: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return clean(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, clean, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[clean(key)] = redactDeep(v, clean, depth + 1);
  return out;
}
