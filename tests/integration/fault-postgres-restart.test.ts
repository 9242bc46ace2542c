import { SEED_FILE } from '../helpers/import';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { useTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/*
 * PostgreSQL restarted under load. The test runs its own cluster (whatever
 * DATABASE_CLIENT says), boots the app on it in-process, keeps requests going
 * to a tag page and the articles, stops the server, then starts it again:
 * during the outage every answer must be a quick 503 (Strapi's error shape,
 * Retry-After), and afterwards the same server must answer 200 again.
 */

// The pool gives up on a connection after this long; a request during the
// outage must not wait for it (a refused connection fails at once).
const CONNECTION_TIMEOUT_MS = 2000;
const MAX_LATENCY_MS = CONNECTION_TIMEOUT_MS + 1000;
const WORKERS = 8;
// A GraphQL GET too (Apollo's CSRF guard asks for the preflight header).
const GRAPHQL = `/graphql?query=${encodeURIComponent('{ articles(pagination: { pageSize: 2 }) { title } }')}`;
const PATHS = ['/api/newsroom/tags/us-led-coalition', '/api/articles', GRAPHQL];

interface Sample {
  path: string;
  start: number;
  end: number;
  status: number; // 0: no HTTP answer at all
  retryAfter: string | null;
  error: unknown;
}

let pg: PrivatePostgres | undefined;
let database: TestDatabase | undefined;
const processErrors: unknown[] = [];
const onProcessError = (error: unknown) => processErrors.push(error);

// A pg client that loses its server emits 'error'; unhandled, that (or an
// unhandled rejection) would kill the process. Collected here to fail the test instead.
beforeAll(() => {
  process.on('unhandledRejection', onProcessError);
  process.on('uncaughtException', onProcessError);
});
afterAll(() => {
  process.off('unhandledRejection', onProcessError);
  process.off('uncaughtException', onProcessError);
});

const app = useTestApp({
  env: { DATABASE_CONNECTION_TIMEOUT: String(CONNECTION_TIMEOUT_MS) },
  database: async () => {
    pg = await startPrivatePostgres();
    database = await createTestDatabase({ postgresUrl: pg.url });
    return database;
  },
  imports: [SEED_FILE],
  listen: true,
});

// After the app's own teardown (hooks run in the order registered).
afterAll(async () => {
  try {
    await database?.drop();
  } finally {
    await pg?.destroy();
  }
});

/** WORKERS loops of requests, alternating the paths, until stopped; every answer timed. */
function load() {
  const samples: Sample[] = [];
  let running = true;
  const worker = async (n: number) => {
    for (let i = n; running; i += 1) {
      const path = PATHS[i % PATHS.length];
      const sample: Sample = { path, start: Date.now(), end: 0, status: 0, retryAfter: null, error: null };
      try {
        const res = await fetch(app.url + path, { signal: AbortSignal.timeout(15_000), headers: { 'apollo-require-preflight': 'true' } });
        sample.status = res.status;
        sample.retryAfter = res.headers.get('retry-after');
        const body = (await res.json()) as { error?: unknown; errors?: unknown };
        if (res.status !== 200 || body.errors) sample.error = body.error ?? body.errors;
      } catch (error) {
        sample.error = String(error);
      }
      sample.end = Date.now();
      samples.push(sample);
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, n) => worker(n));
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(workers);
      return samples;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const latency = (s: Sample) => s.end - s.start;

describe('PostgreSQL restarted while the server is under load', () => {
  // fast: the server ends every session (57P01) and stops; immediate: it dies
  // without a word, as in a crash (connections reset, then refused).
  it.each(['fast', 'immediate'] as const)('pg_ctl stop -m %s: quick 503s during the outage, 200 again once PostgreSQL is back, without a restart', async (mode) => {
    const traffic = load();
    const warmedUp = () => PATHS.every((path) => traffic.samples.filter((s) => s.path === path).length >= 10);
    for (const t0 = Date.now(); !warmedUp() && Date.now() - t0 < 10_000; ) await sleep(100);
    const stopping = Date.now();
    await pg!.stop(mode);
    const stopped = Date.now();
    await sleep(3000);
    const restarting = Date.now();
    await pg!.start();
    const restarted = Date.now();
    // Until both routes have answered 200 a few times in a row after the restart (or 15 s).
    const recovered = async () => {
      for (const path of PATHS) {
        const last = traffic.samples.filter((s) => s.path === path && s.start >= restarted).slice(-5);
        if (last.length < 5 || last.some((s) => s.status !== 200 || s.error)) return false;
      }
      return true;
    };
    while (!(await recovered()) && Date.now() - restarted < 15_000) await sleep(100);
    await sleep(500);
    const samples = await traffic.stop();

    const before = samples.filter((s) => s.end < stopping);
    const during = samples.filter((s) => s.start >= stopped && s.end <= restarting);
    const after = samples.filter((s) => s.start >= restarted);
    const firstOk = after.find((s) => s.status === 200);
    const report = {
      requests: samples.length,
      before: before.length,
      during: during.length,
      maxLatencyMs: Math.max(...samples.map(latency)),
      maxLatencyDuringMs: Math.max(...during.map(latency)),
      recoveryMs: firstOk ? firstOk.end - restarted : null,
      statuses: samples.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
    };
    console.log(`PostgreSQL stop -m ${mode} under load: ${JSON.stringify(report)}`);

    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((s) => s.status !== 200 || s.error)).toEqual([]);

    // Nothing but 200 and 503, ever: no 500, no 401, no connection dropped, no hang.
    expect(samples.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(samples.filter((s) => latency(s) > MAX_LATENCY_MS)).toEqual([]);

    // During the outage: 503s only, with Retry-After, in Strapi's error shape.
    expect(during.length).toBeGreaterThan(20);
    for (const path of PATHS) expect(during.some((s) => s.path === path)).toBe(true);
    const strapiShape = { status: 503, name: 'ServiceUnavailableError', message: expect.any(String), details: {} };
    // GraphQL: Strapi's shape when authentication met the outage, before Apollo ran; Apollo's
    // when a resolver did (src/graphql/database-unavailable-plugin.ts, tests/integration/statement-timeout.test.ts).
    const graphqlShape = [expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) })];
    for (const sample of during) {
      const shape = sample.path === GRAPHQL && Array.isArray(sample.error) ? graphqlShape : strapiShape;
      expect(sample).toMatchObject({ status: 503, retryAfter: '5', error: shape });
    }

    // Back: the same server answers 200 on both routes.
    expect(await recovered()).toBe(true);
    const tagPage = (await fetch(`${app.url}${PATHS[0]}`).then((res) => res.json())) as { data: { tag: unknown } };
    expect(tagPage.data.tag).toMatchObject({ slug: 'us-led-coalition', articleCount: 10 });

    expect(processErrors).toEqual([]);
  });
});
