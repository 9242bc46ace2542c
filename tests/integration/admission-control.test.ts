/* eslint-disable @typescript-eslint/no-explicit-any -- entries and raw rows read back loosely, compared whole */
import http from 'node:http';
import { Client, type ClientConfig } from 'pg';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * Admission control of the stock content API (src/middlewares/admission-control.ts),
 * over real HTTP, on the pass's database: a per-client rate limit (429), and
 * a concurrency limit with a short queue (503), while the plugin's routes go
 * on answering. The stock requests are made slow for real: on PostgreSQL a
 * lock on the articles table (each waiting request holds a pool connection,
 * as a slow query does); on SQLite a transaction holding the database's only
 * connection (DATABASE_SQLITE_READERS=0, stock Strapi's setup).
 */
const CONCURRENCY = 2;
const QUEUE = 2;
const QUEUE_TIMEOUT_MS = 1000;
// One request per 2 s: slow enough that the requests of a burst cannot earn a token back meanwhile.
const RATE = 0.5;
const BURST = 4;
const app = useTestApp({
  // config/middlewares.ts and config/database.ts read them at boot.
  env: {
    NEWSROOM_STOCK_CONCURRENCY: String(CONCURRENCY),
    NEWSROOM_STOCK_QUEUE: String(QUEUE),
    NEWSROOM_STOCK_QUEUE_TIMEOUT: String(QUEUE_TIMEOUT_MS),
    NEWSROOM_STOCK_RATE: String(RATE),
    NEWSROOM_STOCK_BURST: String(BURST),
    // This test's requests from 127.0.0.1 come "through a proxy"; from 127.0.0.2, straight from a client.
    NEWSROOM_TRUSTED_PROXIES: '127.0.0.1',
    // Blocked requests wait rather than being cancelled (statement-timeout.test.ts tests that).
    DATABASE_PUBLIC_STATEMENT_TIMEOUT: '0',
    DATABASE_SQLITE_READERS: '0',
  },
  imports: [SEED_FILE],
  listen: { host: '0.0.0.0' },
});

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: any;
  ms: number;
}

/** A request (GET unless told) over a new connection from `from` (a loopback address), optionally with X-Forwarded-For. */
function get(
  path: string,
  { from = '127.0.0.1', forwardedFor, method = 'GET', headers = {} }: { from?: string; forwardedFor?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: new URL(app.url).port, path, method, localAddress: from, agent: false, headers: { ...headers, ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: text ? JSON.parse(text) : null, ms: Date.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes every read of the articles table wait until released (see the file's comment). */
async function blockStockReads(): Promise<() => Promise<void>> {
  if (app.database.client === 'postgres') {
    // knex's client keeps the settings it connects with; its types do not show them.
    const locker = new Client((app.strapi.db.connection.client as unknown as { connectionSettings: ClientConfig }).connectionSettings);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE "${app.strapi.db.getSchemaName()}"."${app.strapi.db.metadata.get(UIDS.article).tableName}" IN ACCESS EXCLUSIVE MODE`);
    return async () => {
      await locker.query('ROLLBACK');
      await locker.end();
    };
  }
  let release!: () => void;
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const transaction = app.strapi.db.transaction(async () => {
    holding();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await held;
  return async () => {
    release();
    await transaction;
  };
}

describe('the per-client rate limit of the stock content API', () => {
  it('past the burst, a client gets 429 with Retry-After in Strapi’s error shape; its own X-Forwarded-For does not help', async () => {
    const client = { from: '127.0.0.2' };
    const answers: Answer[] = [];
    for (let i = 0; i < BURST; i += 1) answers.push(await get('/api/tags', client));
    expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(200));

    const limited = await get('/api/articles', client);
    expect(limited).toMatchObject({
      status: 429,
      retryAfter: '2',
      body: { data: null, error: { status: 429, name: 'RateLimitError', details: {} } },
    });
    expect(limited.body.error.message).toMatch(/^Too many requests to \/api\/articles, \/api\/sources, \/api\/tags from this client \(at most 0.5 a second, bursts of 4\)/);
    // The peer is no trusted proxy: what it says it forwards for is ignored.
    expect((await get('/api/sources', { ...client, forwardedFor: '198.51.100.1' })).status).toBe(429);
    // The plugin's routes are not limited, nor a CORS preflight (it never reaches the database).
    expect((await get('/api/newsroom/tags/us-led-coalition', client)).status).toBe(200);
    const preflight = await get('/api/articles', { ...client, method: 'OPTIONS', headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    // The rate refills the bucket: one request per 2 s.
    await sleep(2100);
    expect((await get('/api/articles', client)).status).toBe(200);
  });

  it('behind a trusted proxy, each forwarded client has a bucket of its own', async () => {
    const statuses = async (forwardedFor: string) => {
      const result: number[] = [];
      for (let i = 0; i <= BURST; i += 1) result.push((await get('/api/tags', { forwardedFor })).status);
      return result;
    };
    const limitedAfterBurst = [...Array(BURST).fill(200), 429];
    expect(await statuses('198.51.100.7')).toEqual(limitedAfterBurst);
    // A client that writes its own header: the proxy appends the real address, and that one counts.
    expect(await statuses('6.6.6.6, 198.51.100.8')).toEqual(limitedAfterBurst);
    expect((await get('/api/tags', { forwardedFor: '6.6.6.6, 198.51.100.7' })).status).toBe(429);
  });
});

describe('the concurrency limit of the stock content API', () => {
  it(`${CONCURRENCY} at once, ${QUEUE} waiting at most ${QUEUE_TIMEOUT_MS} ms, the rest a fast 503 with Retry-After; the plugin’s routes meanwhile answer`, async () => {
    // Warm: the tag page's response cache, and the Public role's permissions.
    expect((await get('/api/newsroom/tags/us-led-coalition')).status).toBe(200);
    expect((await get('/api/newsroom/health')).status).toBe(200);

    const release = await blockStockReads();
    let stock: Answer[];
    const probes: Answer[] = [];
    try {
      // Twelve clients at once, each its own (through the trusted proxy), so the rate limit plays no part.
      const pending = Array.from({ length: 12 }, (_, i) => get('/api/articles', { forwardedFor: `198.51.100.${100 + i}` }));
      await sleep(300);
      // The plugin's routes answer while the stock requests wait. On PostgreSQL the tag page reads the
      // database too (its content version): it finds a pool connection the stock requests do not hold.
      probes.push(await get('/api/newsroom/health'));
      if (app.database.client === 'postgres') probes.push(await get('/api/newsroom/tags/us-led-coalition'));
      await sleep(QUEUE_TIMEOUT_MS);
      await release();
      stock = await Promise.all(pending);
    } catch (error) {
      await release();
      throw error;
    }

    // Answered well before the database was released (which the stock requests waited for).
    for (const probe of probes) {
      expect(probe.status).toBe(200);
      expect(probe.ms).toBeLessThan(QUEUE_TIMEOUT_MS);
    }
    const busy = stock.filter((a) => a.status === 503);
    const served = stock.filter((a) => a.status === 200);
    expect(served).toHaveLength(CONCURRENCY);
    expect(busy).toHaveLength(12 - CONCURRENCY);
    for (const answer of busy) {
      expect(answer).toMatchObject({
        retryAfter: '1',
        body: {
          data: null,
          error: {
            status: 503,
            name: 'ServiceUnavailableError',
            message: 'The server is busy with other requests to /api/articles, /api/sources, /api/tags; retry shortly',
            details: { reason: expect.stringMatching(/^queue (full|timeout)$/) },
          },
        },
      });
    }
    // The queue's two waited their timeout; the others were refused at once.
    const waited = busy.filter((a) => a.body.error.details.reason === 'queue timeout');
    expect(waited).toHaveLength(QUEUE);
    for (const answer of waited) {
      expect(answer.ms).toBeGreaterThanOrEqual(QUEUE_TIMEOUT_MS * 0.9);
      expect(answer.ms).toBeLessThan(QUEUE_TIMEOUT_MS + 1000);
    }
    for (const answer of busy.filter((a) => !waited.includes(a))) expect(answer.ms).toBeLessThan(QUEUE_TIMEOUT_MS);
    // The admitted ones waited for the database, and were served once it was free.
    for (const answer of served) expect(answer.body.data).toHaveLength(10);

    // Places given back: the next stock request is served at once.
    expect((await get('/api/articles', { forwardedFor: '198.51.100.99' })).status).toBe(200);
  });
});
