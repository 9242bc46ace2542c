/**
 * A token bucket per client: `burst` requests at once, then `rate` a second.
 * Memory is bounded: past `maxClients` the least recently seen client is
 * forgotten (it comes back with a full bucket: forgetting errs on the
 * lenient side).
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string): RateVerdict;
}

export interface RateLimiterOptions {
  /** Requests a second, sustained (> 0). */
  rate: number;
  /** Requests at once (≥ 1). */
  burst: number;
  maxClients?: number;
  now?: () => number;
}

export function createRateLimiter({ rate, burst, maxClients = 10_000, now = Date.now }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client) {
      const time = now();
      const bucket = buckets.get(client) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * rate);
      bucket.at = time;
      // Re-inserted, so the Map's order is least recently seen first.
      buckets.delete(client);
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / rate) };
    },
  };
}
