import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The citizen has no account, so their printable copy is reached by a link that carries a signature
 * of the handoff id: only someone who got the link from the chat can open it.
 */
export function copySignature(secret: string, handoffId: string): string {
  return createHmac('sha256', secret).update(`copy:${handoffId}`).digest('base64url');
}

export function verifyCopySignature(secret: string, handoffId: string, signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(copySignature(secret, handoffId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function copyPath(secret: string, handoffId: string): string {
  return `/kopi/${encodeURIComponent(handoffId)}?k=${copySignature(secret, handoffId)}`;
}
