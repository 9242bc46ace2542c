import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LRUCache } from 'lru-cache';
import { entityTag, sendCached, type CachedBody } from '../http/cached-response';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

interface Entry extends CachedBody {
  version: string;
}

type Make = () => Promise<{ body: string; type: string }>;

async function render(make: Make): Promise<CachedBody> {
  const { body, type } = await make();
  const bytes = Buffer.from(body);
  return { body: bytes, type, etag: entityTag(bytes) };
}

/**
 * Built responses of the public tag-page routes, by URL and representation,
 * each valid while the content version it was built from is current. A hit
 * costs one shared version read instead of the page's queries, rendering and
 * hashing. Entries also expire after max-age, the staleness readers already
 * accept, should a write ever bypass the version (SQL by hand, a restore).
 */
const responseCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi, 'tagPages');
  const version = () => getService(strapi, 'content-version');
  let entries: LRUCache<string, Entry> | null = null;
  const cache = () =>
    (entries ??= new LRUCache<string, Entry>({
      maxSize: config().cache.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length,
      ttl: Math.max(config().maxAge, 1) * 1000,
    }));
  // Requests that miss the same entry at once share one build.
  const building = new Map<string, Promise<Entry>>();

  async function build(key: string, current: string, make: Make): Promise<Entry> {
    const entry = { ...(await render(make)), version: current };
    if (entry.body.length + key.length <= config().cache.maxBytes) cache().set(key, entry);
    return entry;
  }

  return {
    /**
     * Sends what `make` builds (or built, for the same version): errors it
     * throws propagate and are never cached.
     */
    async serve(ctx: Context, make: Make): Promise<void> {
      const { maxAge, cache: settings } = config();
      if (!settings.enabled) return sendCached(ctx, await render(make), maxAge);
      // What a response depends on besides the data: the URL and the
      // negotiated representation (never the Host header: feeds link to the configured URL).
      const key = `${ctx.accepts('application/json', 'text/plain')}|${ctx.url}`;
      const current: string = await version().current();
      const cached = cache().get(key);
      if (cached?.version === current) return sendCached(ctx, cached, maxAge);
      const pending = `${current}|${key}`;
      let entry = building.get(pending);
      if (!entry) {
        const started = build(key, current, make).finally(() => building.delete(pending));
        building.set(pending, started);
        entry = started;
      }
      sendCached(ctx, await entry, maxAge);
    },
  };
};

export default responseCache;
