export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Requests regained per second after the burst. */
  refillPerSecond: number;
  /** Buckets kept at most; full buckets are forgotten first. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** A token bucket per key (the client IP): a burst is fine, a steady flood is not. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) throw new RangeError('rate limit needs capacity >= 1 and refillPerSecond > 0');
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Takes one token. When none is left, says how many whole seconds until one is back. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock().getTime();
    const bucket = this.refill(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket, now);
      return { allowed: true };
    }
    this.remember(key, bucket, now);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.refillPerSecond)) };
  }

  /** Whether take() would succeed now, without taking (for limits that count only failures). */
  check(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.refill(this.buckets.get(key), this.clock().getTime());
    if (bucket.tokens >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.refillPerSecond)) };
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.capacity, updatedMs: now };
    const gained = ((now - bucket.updatedMs) / 1000) * this.options.refillPerSecond;
    return { tokens: Math.min(this.options.capacity, bucket.tokens + Math.max(0, gained)), updatedMs: now };
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= this.maxKeys) return;
    for (const [k, b] of this.buckets) {
      if (this.refill(b, now).tokens >= this.options.capacity) this.buckets.delete(k);
      if (this.buckets.size <= this.maxKeys) return;
    }
    // Still too many: forget the least recently seen (Map keeps insertion order).
    const oldest = this.buckets.keys().next().value;
    if (oldest !== undefined) this.buckets.delete(oldest);
  }
}
