import { resolveAdmissionPolicy, stockPathMatcher } from '../../../src/lib/admission/policy';

describe('resolveAdmissionPolicy', () => {
  it('defaults: half the PostgreSQL pool, 4 on SQLite; 64 waiting at most 2 s; 10 a second, bursts of 50', () => {
    expect(resolveAdmissionPolicy({ client: 'postgres', poolMax: 10 })).toMatchObject({
      concurrency: 5,
      queue: 64,
      queueTimeoutMs: 2000,
      retryAfterSeconds: 1,
      rate: 10,
      burst: 50,
    });
    expect(resolveAdmissionPolicy({ client: 'postgres', poolMax: 1 }).concurrency).toBe(1);
    expect(resolveAdmissionPolicy({ client: 'sqlite', poolMax: 1 })).toMatchObject({ concurrency: 4, queue: 64, queueTimeoutMs: 2000 });
  });

  it('takes the environment’s values; 0 turns a limit off', () => {
    const policy = resolveAdmissionPolicy({
      client: 'postgres',
      poolMax: 10,
      concurrency: '3',
      queue: '0',
      queueTimeout: '250',
      rate: '0.5',
      burst: '2',
      trustedProxies: '10.0.0.0/8, 127.0.0.1',
    });
    expect(policy).toMatchObject({ concurrency: 3, queue: 0, queueTimeoutMs: 250, rate: 0.5, burst: 2 });
    expect(policy.trustedProxies.has('10.2.3.4')).toBe(true);
    expect(resolveAdmissionPolicy({ client: 'sqlite', poolMax: 1, concurrency: '0', rate: '0' })).toMatchObject({ concurrency: 0, rate: 0 });
    // A high rate gets a burst of at least one second's worth.
    expect(resolveAdmissionPolicy({ client: 'sqlite', poolMax: 1, rate: '200' }).burst).toBe(200);
  });

  it.each([
    ['concurrency', '-1', 'NEWSROOM_STOCK_CONCURRENCY must be a whole number of at least 0, not "-1"'],
    ['concurrency', 'many', 'NEWSROOM_STOCK_CONCURRENCY must be a whole number of at least 0, not "many"'],
    ['queue', '2.5', 'NEWSROOM_STOCK_QUEUE must be a whole number of at least 0, not "2.5"'],
    ['queueTimeout', '1s', 'NEWSROOM_STOCK_QUEUE_TIMEOUT must be a whole number of at least 0, not "1s"'],
    ['rate', '-3', 'NEWSROOM_STOCK_RATE must be a number of at least 0, not "-3"'],
    ['burst', '0', 'NEWSROOM_STOCK_BURST must be a whole number of at least 1, not "0"'],
    ['trustedProxies', '10.0.0.0/8,proxy', 'NEWSROOM_TRUSTED_PROXIES: "proxy" is not an IP address or a CIDR block'],
  ])('refuses %s=%s, naming the variable', (key, value, message) => {
    expect(() => resolveAdmissionPolicy({ client: 'postgres', poolMax: 10, [key]: value })).toThrow(message);
  });
});

describe('stockPathMatcher', () => {
  const isStock = stockPathMatcher(['/api/articles', '/api/tags', '/api/sources']);

  it('matches the routes and their documents as Strapi’s router does: any case, trailing slash, escapes', () => {
    for (const path of ['/api/articles', '/api/articles/', '/api/articles/abc123', '/API/Tags', '/api/sources/x/y', '/api/%61rticles']) {
      expect(isStock(path)).toBe(true);
    }
  });

  it('leaves the plugin’s routes and everything else alone', () => {
    for (const path of ['/api/newsroom/tags/x', '/api/articlesx', '/api', '/admin', '/api/users', '/api/tags-x', '/api/%E0%A4%A']) {
      expect(isStock(path)).toBe(false);
    }
  });
});
