import { monitorEventLoopDelay } from 'node:perf_hooks';
import { renderTagListing } from '../../src/plugins/newsroom/server/src/lib/render-tag-listing';
import { useTestApp } from '../helpers/test-app';

/*
 * An import through the admin route runs in the server's own process. On
 * SQLite every query holds the event loop (better-sqlite3 is synchronous),
 * and on both databases parsing and planning a large listing is seconds of
 * CPU: done on the event loop, the whole server stops answering for that
 * long. The route's import plans on a worker thread and writes in short
 * slices, so the longest stall of the event loop stays a fraction of what
 * planning the listing alone takes (bench:import-route measures it under
 * load; this checks the shape with a bound that a stalled import misses by
 * far, on a loaded machine too).
 */

const ITEMS = 6000;
const TAG = 'Route import load';
const MAX_STALL_MS = 800;

const app = useTestApp({ listen: true });
let token: string;

beforeAll(async () => {
  token = await app.editorToken('Route importer', ['plugin::newsroom.import']);
});

/** What is read of the tag page's answer. */
type TagPage = { data: { tag: { articleCount: number } } };

const listing = () =>
  renderTagListing(
    TAG,
    Array.from({ length: ITEMS }, (_, i) => ({
      title: `Dispatch ${i} from the front`,
      excerpt: `Reuters reported the ${i}th movement of the line overnight. `.repeat(8).trim(),
    })),
  );

describe('a large import through POST /newsroom/import', () => {
  it('keeps the event loop turning and the health route answering, and commits all or nothing', async () => {
    const text = listing();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let answered = 0;
    let importing = true;
    const probing = (async () => {
      while (importing) {
        const res = await fetch(`${app.url}/api/newsroom/health`);
        if (res.ok) answered += 1;
        // The tag appears with every article at once, or not at all.
        const page = await fetch(`${app.url}/api/newsroom/tags/route-import-load?pageSize=1`);
        if (page.status === 200) expect(((await page.json()) as TagPage).data.tag.articleCount).toBe(ITEMS);
        else expect(page.status).toBe(404);
      }
    })();

    delay.enable();
    const res = await fetch(`${app.url}/newsroom/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text, fileName: 'load.txt' }),
    });
    delay.disable();
    importing = false;
    await probing;

    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { articles: unknown } }).data.articles).toEqual({ created: ITEMS, updated: 0, unchanged: 0 });
    expect(answered).toBeGreaterThan(10);
    expect(delay.max / 1e6).toBeLessThan(MAX_STALL_MS);
    const page = (await (await fetch(`${app.url}/api/newsroom/tags/route-import-load?pageSize=1`)).json()) as TagPage;
    expect(page.data.tag.articleCount).toBe(ITEMS);
  });
});
