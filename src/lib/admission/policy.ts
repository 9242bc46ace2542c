import { parseTrustedProxies, type TrustedProxies } from './client-address';

/**
 * The admission policy of the stock content API (`/api/articles`,
 * `/api/tags`, `/api/sources`: Strapi's own routes, whose cost depends on the
 * query string), as numbers: read from the environment (raw strings, as
 * config/middlewares.ts passes them), checked, defaults filled in. Bad values
 * stop the boot with the variable named.
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */
export interface AdmissionPolicy {
  /** Stock requests served at once; 0: no limit. */
  concurrency: number;
  /** Stock requests waiting for a place, beyond which they are refused at once. */
  queue: number;
  /** How long one may wait for a place before it is refused. */
  queueTimeoutMs: number;
  /** Retry-After (seconds) of a 503 for want of a place. */
  retryAfterSeconds: number;
  /** Stock requests a second per client, sustained; 0: no rate limit. */
  rate: number;
  /** Stock requests a client may make at once, before the rate applies. */
  burst: number;
  trustedProxies: TrustedProxies;
}

export interface AdmissionInput {
  client: 'sqlite' | 'postgres';
  /** PostgreSQL: the pool's size (DATABASE_POOL_MAX). */
  poolMax: number;
  concurrency?: string;
  queue?: string;
  queueTimeout?: string;
  rate?: string;
  burst?: string;
  trustedProxies?: string;
}

/** The variables, for messages and for the README. */
export const ADMISSION_ENV = {
  concurrency: 'NEWSROOM_STOCK_CONCURRENCY',
  queue: 'NEWSROOM_STOCK_QUEUE',
  queueTimeout: 'NEWSROOM_STOCK_QUEUE_TIMEOUT',
  rate: 'NEWSROOM_STOCK_RATE',
  burst: 'NEWSROOM_STOCK_BURST',
  trustedProxies: 'NEWSROOM_TRUSTED_PROXIES',
} as const;

export const ADMISSION_DEFAULTS = {
  /**
   * PostgreSQL: half the pool, so the plugin's routes, the admin and
   * authentication always find a connection free however slow the stock
   * queries are. SQLite: a stock request runs on the event loop from start
   * to end; what waits is the queue of requests not yet started, and the
   * limit bounds how many stock requests can be in it ahead of a plugin
   * route. 4: sixteen abusive clients (bench:abuse --no-rate) leave the
   * health route's p99 at 377 ms (1.4 s with 16), and the soak's 64
   * connections are still all served (none shed; its plugin routes faster,
   * its stock routes slower, 20% fewer answers a second than with 16).
   */
  concurrency: (client: 'sqlite' | 'postgres', poolMax: number) => (client === 'postgres' ? Math.max(1, Math.floor(poolMax / 2)) : 4),
  /**
   * The wait is what bounds the queue (a place freed goes to the oldest
   * waiter, and no one waits past the timeout); its length only makes a
   * flood fail at once. Measured with the soak (64 connections, 100,000
   * articles): 20 waiting on PostgreSQL shed three quarters of its stock
   * requests, a 1 s wait 2.5%; 64 and 2 s shed none once warm. 2 s of
   * waiting and 2 s of database time keep a stock request under 5 s.
   */
  queue: 64,
  queueTimeoutMs: 2000,
  retryAfterSeconds: 1,
  rate: 10,
  burst: 50,
};

function number(name: string, raw: string | undefined, fallback: number, { min, integer }: { min: number; integer: boolean }): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, not "${raw}"`);
  }
  return value;
}

export function resolveAdmissionPolicy(input: AdmissionInput): AdmissionPolicy {
  const whole = { min: 0, integer: true };
  const concurrency = number(ADMISSION_ENV.concurrency, input.concurrency, ADMISSION_DEFAULTS.concurrency(input.client, input.poolMax), whole);
  const rate = number(ADMISSION_ENV.rate, input.rate, ADMISSION_DEFAULTS.rate, { min: 0, integer: false });
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies((input.trustedProxies ?? '').split(','));
  } catch (error) {
    throw new Error(`${ADMISSION_ENV.trustedProxies}: ${(error as Error).message}`, { cause: error });
  }
  return {
    concurrency,
    queue: number(ADMISSION_ENV.queue, input.queue, ADMISSION_DEFAULTS.queue, whole),
    queueTimeoutMs: number(ADMISSION_ENV.queueTimeout, input.queueTimeout, ADMISSION_DEFAULTS.queueTimeoutMs, whole),
    retryAfterSeconds: ADMISSION_DEFAULTS.retryAfterSeconds,
    rate,
    burst: number(ADMISSION_ENV.burst, input.burst, Math.max(ADMISSION_DEFAULTS.burst, Math.ceil(rate)), { min: 1, integer: true }),
    trustedProxies,
  };
}

/**
 * Is this path one of the stock content API's (`prefixes`: `/api/articles`, ...)?
 * As Strapi's router matches: whatever the case, with or without a trailing
 * slash, and the documents under it (`/api/articles/<documentId>`).
 */
export function stockPathMatcher(prefixes: string[]): (path: string) => boolean {
  const lower = prefixes.map((prefix) => prefix.toLowerCase());
  return (path) => {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // Malformed escapes: matched as sent.
    }
    const candidate = decoded.toLowerCase();
    return lower.some((prefix) => candidate === prefix || candidate.startsWith(`${prefix}/`));
  };
}
