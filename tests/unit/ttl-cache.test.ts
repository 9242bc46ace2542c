import { createTtlCache } from '../../src/lib/ttl-cache';

/** A load that counts its calls and resolves when told to. */
function loader<T>(value: T) {
  const calls: Array<(result: T | Error) => void> = [];
  const load = () =>
    new Promise<T>((resolve, reject) => calls.push((result) => (result instanceof Error ? reject(result) : resolve(result))));
  return { load, calls, settle: (i: number, result: T | Error = value) => calls[i](result) };
}

describe('createTtlCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1000;
  });

  it('loads a key once, then serves it from memory', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    let loads = 0;
    const load = async () => `perms ${(loads += 1)}`;
    expect(await cache.get('public', load)).toBe('perms 1');
    expect(await cache.get('public', load)).toBe('perms 1');
    expect(loads).toBe(1);
  });

  it('callers that miss together each load (a failure is each one\'s own), and the first value is kept', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    const { load, calls, settle } = loader('perms');
    const a = cache.get('public', load);
    const b = cache.get('public', load);
    expect(calls).toHaveLength(2);
    settle(0, new Error('database down'));
    settle(1, 'perms');
    await expect(a).rejects.toThrow('database down');
    expect(await b).toBe('perms');
    expect(await cache.get('public', load)).toBe('perms');
    expect(calls).toHaveLength(2);
  });

  it('keeps keys apart', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    expect(await cache.get('role:1', async () => 'one')).toBe('one');
    expect(await cache.get('role:2', async () => 'two')).toBe('two');
    expect(await cache.get('role:1', async () => 'other')).toBe('one');
  });

  it('loads again once the TTL is over, counted from when the load started', async () => {
    const cache = createTtlCache<number>({ ttlMs: 5000, now });
    let loads = 0;
    const load = async () => (loads += 1);
    await cache.get('k', load);
    clock += 4999;
    expect(await cache.get('k', load)).toBe(1);
    clock += 1;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('invalidate(): the next get loads again, and a load under way is not kept', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    const { load, calls, settle } = loader('old');
    const before = cache.get('k', load);
    cache.invalidate();
    settle(0, 'old');
    // Who asked before the change gets what was there, but it is not kept.
    expect(await before).toBe('old');
    const after = cache.get('k', load);
    expect(calls).toHaveLength(2);
    settle(1, 'new');
    expect(await after).toBe('new');
    expect(await cache.get('k', load)).toBe('new');
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failed load', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    const { load, calls, settle } = loader('ok');
    const failing = cache.get('k', load);
    settle(0, new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    const retried = cache.get('k', load);
    expect(calls).toHaveLength(2);
    settle(1);
    expect(await retried).toBe('ok');
  });

  it('ttlMs 0: every get loads', async () => {
    const cache = createTtlCache<number>({ ttlMs: 0, now });
    let loads = 0;
    const load = async () => (loads += 1);
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(2);
  });
});
