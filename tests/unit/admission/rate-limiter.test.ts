import { createRateLimiter } from '../../../src/lib/admission/rate-limiter';

describe('createRateLimiter', () => {
  let clock = 0;
  const now = () => clock;

  it('allows a burst, then the rate; a refusal says when to retry', () => {
    clock = 0;
    const limiter = createRateLimiter({ rate: 2, burst: 3, now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 499;
    expect(limiter.take('a').allowed).toBe(false);
    clock += 1; // 500 ms at 2 a second: one token
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('counts clients apart', () => {
    clock = 0;
    const limiter = createRateLimiter({ rate: 1, burst: 1, now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('Retry-After covers the wait for a whole token at a slow rate', () => {
    clock = 0;
    const limiter = createRateLimiter({ rate: 0.1, burst: 1, now });
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock += 4000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('a bucket refills to the burst, no more', () => {
    clock = 0;
    const limiter = createRateLimiter({ rate: 100, burst: 2, now });
    limiter.take('a');
    clock += 60_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('remembers at most maxClients, forgetting the least recently seen (who then starts afresh)', () => {
    clock = 0;
    const limiter = createRateLimiter({ rate: 1, burst: 1, maxClients: 2, now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('a'); // refused, and now the most recent
    limiter.take('c'); // forgets b
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });
});
