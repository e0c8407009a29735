/**
 * JSON text PostgreSQL's jsonb accepts: it refuses the NUL character (\u0000), which a user can
 * paste into a message. NUL escapes are dropped; an escaped backslash before "u0000" is kept.
 */
export function toJsonb(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
}
