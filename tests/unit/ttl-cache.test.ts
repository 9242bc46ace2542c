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

  it('loads a key once; callers asking while it loads share the load', async () => {
    const cache = createTtlCache<string>({ ttlMs: 5000, now });
    const { load, calls, settle } = loader('perms');
    const both = Promise.all([cache.get('public', load), cache.get('public', load)]);
    expect(calls).toHaveLength(1);
    settle(0);
    expect(await both).toEqual(['perms', 'perms']);
    expect(await cache.get('public', load)).toBe('perms');
    expect(calls).toHaveLength(1);
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
    const after = cache.get('k', load);
    expect(calls).toHaveLength(2);
    settle(0, 'old');
    settle(1, 'new');
    // Who asked before the change gets what was there; everyone after, the new value.
    expect(await before).toBe('old');
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
