/**
 * A small cache of values that are expensive to load and change rarely (the
 * users-permissions roles' permissions): each key loads once, the callers
 * that ask while it loads share that load, and the value is kept `ttlMs`
 * from when its load started, or until `invalidate()`. A load that fails is
 * not kept. After `invalidate()`, a load that started before it is not kept
 * either: it may have read what the invalidation replaces.
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every value, and the loads under way. */
  invalidate(): void;
}

export interface TtlCacheOptions {
  /** 0 or less: nothing is kept, every get loads. */
  ttlMs: number;
  now?: () => number;
}

export function createTtlCache<T>({ ttlMs, now = Date.now }: TtlCacheOptions): TtlCache<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(key, load) {
      if (!(ttlMs > 0)) return load();
      const entry = entries.get(key);
      if (entry && now() < entry.expires) return entry.value;
      const value = load();
      const fresh = { value, expires: now() + ttlMs };
      entries.set(key, fresh);
      value.catch(() => {
        if (entries.get(key) === fresh) entries.delete(key);
      });
      return value;
    },
    invalidate() {
      entries.clear();
    },
  };
}
