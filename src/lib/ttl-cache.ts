/**
 * A small cache of values that are expensive to load and change rarely (the
 * users-permissions roles' permissions): a value is kept `ttlMs` from when
 * its load started, or until `invalidate()`. A load that started before an
 * `invalidate()` is not kept: it may have read what the invalidation
 * replaces. A failed load is not kept either.
 *
 * Callers that miss at the same moment each load: a shared load would hand
 * its failure to callers whose own work never touched the database, and the
 * app tells "database unavailable" (503) from "not allowed" (401) by what
 * each request's own queries met (src/middlewares/database-unavailable.ts).
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
  const entries = new Map<string, { value: T; expires: number }>();
  let generation = 0;
  return {
    async get(key, load) {
      const entry = entries.get(key);
      if (entry && now() < entry.expires) return entry.value;
      const started = { at: now(), generation };
      const value = await load();
      if (ttlMs > 0 && started.generation === generation) entries.set(key, { value, expires: started.at + ttlMs });
      return value;
    },
    invalidate() {
      generation += 1;
      entries.clear();
    },
  };
}
