import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Signs and checks Direct Line tokens. They are shaped as HS256 JWTs with a `user` claim because
 * Web Chat reads the user id from the token's payload and then needs no userID of its own.
 */
export class TokenSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly lifetimeSeconds = 30 * 60,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (secret.length < 16) throw new Error('the Direct Line token secret must be at least 16 characters');
    if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 60) throw new Error('token lifetime must be at least 60 seconds');
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(conversationId: string, userId: string): { token: string; expiresIn: number; claims: TokenClaims } {
    const exp = Math.floor(this.clock().getTime() / 1000) + this.lifetimeSeconds;
    const payload = base64url(JSON.stringify({ conv: conversationId, user: userId, exp }));
    const token = `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
    return { token, expiresIn: this.lifetimeSeconds, claims: { conversationId, userId, exp } };
  }

  /**
   * `graceSeconds` accepts a token that expired no longer ago than that (only for refreshing: a
   * citizen who left the tab for an hour comes back to the same conversation, not a blank one).
   */
  verify(token: string | undefined, graceSeconds = 0): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER || token.length > 2048) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const { conv, user, exp } = (claims ?? {}) as Record<string, unknown>;
    if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
    if ((exp + graceSeconds) * 1000 <= this.clock().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: conv, userId: user, exp } };
  }

  /** Seconds left before the token expires (never negative). */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.clock().getTime() / 1000));
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
