/** How a webhook delivery is retried: doubling delays from `firstRetryMs` up to `maxRetryMs`, for `retryForMs` after the event. */
export interface RetryPolicy {
  firstRetryMs: number;
  maxRetryMs: number;
  retryForMs: number;
}

/**
 * When attempt number `attempts + 1` is due after `attempts` failures, or
 * null once the event is older than the policy retries for. The delay is
 * drawn between half and all of the doubling one, so receivers that came
 * back are not hit by every instance's backlog at once.
 */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, createdAt: number, now: number, random = Math.random): number | null {
  const full = Math.min(policy.firstRetryMs * 2 ** Math.max(attempts - 1, 0), policy.maxRetryMs);
  const at = now + Math.round(full * (0.5 + random() / 2));
  return at - createdAt > policy.retryForMs ? null : at;
}
