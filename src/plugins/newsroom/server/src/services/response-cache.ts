import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LRUCache } from 'lru-cache';
import { entityTag, sendCached, type CachedBody } from '../http/cached-response';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

interface Entry extends CachedBody {
  /** The invalidation clock's tick read before the response's first query. */
  builtAt: number;
}

/** What a route builds: its body, and the cache tags of what the body shows. */
export type Built = { body: string; type: string; cacheTags: string[] };
type Make = () => Promise<Built>;

async function render(make: Make): Promise<CachedBody> {
  const { body, type, cacheTags } = await make();
  const bytes = Buffer.from(body);
  return { body: bytes, type, etag: entityTag(bytes), cacheTags };
}

/**
 * Built responses of the public tag-page routes, by URL and representation,
 * each valid until a change names one of its cache tags
 * (services/page-invalidation.ts): a publish on one tag leaves every other
 * tag's pages cached. A hit costs no query while change notifications arrive.
 * Entries also expire within max-age, the staleness readers already accept,
 * should a write ever bypass Strapi (SQL by hand, a restore): each after
 * 80-100% of it, drawn per entry, so that the pages built together at boot do
 * not all expire, and all rebuild, in the same second.
 */
const responseCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi, 'tagPages');
  const invalidation = () => getService(strapi, 'page-invalidation');
  let entries: LRUCache<string, Entry> | null = null;
  const cache = () =>
    (entries ??= new LRUCache<string, Entry>({
      maxSize: config().cache.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length,
    }));
  const ttl = () => Math.max(config().maxAge, 1) * 1000 * (0.8 + 0.2 * Math.random());
  // Requests that miss the same entry at the same tick share one build.
  const building = new Map<string, Promise<Entry>>();

  async function build(key: string, builtAt: number, make: Make): Promise<Entry> {
    const entry = { ...(await render(make)), builtAt };
    if (entry.body.length + key.length <= config().cache.maxBytes) cache().set(key, entry, { ttl: ttl() });
    return entry;
  }

  /**
   * What `make` builds (or built, while nothing it shows changed), under
   * `key`: errors it throws propagate and are never cached.
   */
  /** The fresh entry of `key`, if any; else the tick a new one is built at (read before building). */
  async function lookup(key: string): Promise<{ entry?: Entry; builtAt: number }> {
    await invalidation().sync();
    const { clock } = invalidation();
    const cached = cache().get(key);
    if (cached && clock.isFresh(cached.cacheTags, cached.builtAt)) return { entry: cached, builtAt: cached.builtAt };
    return { builtAt: clock.now() };
  }

  async function fetch(key: string, make: Make): Promise<{ entry: CachedBody; hit: boolean }> {
    const { entry: cached, builtAt } = await lookup(key);
    if (cached) return { entry: cached, hit: true };
    const pending = `${builtAt}|${key}`;
    let entry = building.get(pending);
    if (!entry) {
      const started = build(key, builtAt, make).finally(() => building.delete(pending));
      building.set(pending, started);
      entry = started;
    }
    return { entry: await entry, hit: false };
  }

  return {
    /**
     * For an answer built elsewhere (a whole GraphQL response, which Apollo
     * makes): the fresh entry of `key`, or none and the tick to store() the
     * answer with, read before it is built; null while the cache is off.
     */
    async peek(key: string): Promise<{ entry?: CachedBody; builtAt: number } | null> {
      return config().cache.enabled ? lookup(key) : null;
    },

    async store(key: string, builtAt: number, built: Built): Promise<void> {
      if (config().cache.enabled) await build(key, builtAt, async () => built);
    },

    /** The built body of `key`, for an answer that is not an HTTP response of its own (a GraphQL field). */
    async get(key: string, make: Make): Promise<CachedBody> {
      return config().cache.enabled ? (await fetch(key, make)).entry : render(make);
    },

    /**
     * Sends what `make` builds, through the cache. `ignoreQuery`: the
     * route reads no query parameter, so every query string is one entry.
     */
    async serve(ctx: Context, make: Make, { ignoreQuery = false }: { ignoreQuery?: boolean } = {}): Promise<void> {
      const { maxAge, cache: settings } = config();
      if (!settings.enabled) return sendCached(ctx, await render(make), maxAge);
      // What a response depends on besides the data: the URL and the
      // negotiated representation (never the Host header: feeds link to the configured URL).
      // A route that reads no parameter ignores the query: a made-up one must not cost a build.
      const key = `${ctx.accepts('application/json', 'text/plain')}|${ignoreQuery ? ctx.path : ctx.url}`;
      const { entry, hit } = await fetch(key, make);
      ctx.set('X-Newsroom-Cache', hit ? 'hit' : 'miss');
      sendCached(ctx, entry, maxAge);
    },
  };
};

export default responseCache;
