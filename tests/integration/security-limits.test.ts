import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { contentFingerprint } from '../helpers/security';
import { useTestApp } from '../helpers/test-app';

/**
 * Request limits, beyond what other files check already:
 * - tag-pages.test.ts: the tag page's page/pageSize/after bounds (pageSize 101
 *   and 1e9, page -1, …) and a 10 KB slug on the page, .txt, /related and
 *   /feed.xml routes; related's limit=0.
 * - import-route.test.ts: the import route's 413 at the default 10 MB and the
 *   body parser's 413 past twice that.
 * Here: the import limit as configured at boot (small, so cheap), with proof
 * that nothing is written; the bounds of the other public routes; Strapi's
 * own content API; and oversized URLs and bodies.
 */
const LIMIT = 4096;
// config/plugins.ts and config/middlewares.ts read it at boot.
const app = useTestApp({ env: { NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES: String(LIMIT) } });
let importer: string;
const SLUG = 'limits';

const get = app.get;
const importRoute = (body: unknown) =>
  app.request().post('/newsroom/import').set('Authorization', `Bearer ${importer}`).send(body as object);

/** Runs `work` with Strapi's log silenced: the body parser logs its 413s as errors, expected here. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = app.strapi.log;
  log.silent = true;
  try {
    return await work();
  } finally {
    log.silent = false;
  }
}

/** A valid tag listing of exactly `bytes` bytes (UTF-8). */
function listingOf(bytes: number): string {
  const head = 'Contents tagged with Limits\n\n  • A listing at the limit\n\n    ';
  return head + 'x'.repeat(bytes - Buffer.byteLength(head));
}

beforeAll(async () => {
  importer = await app.editorToken('Importer', ['plugin::newsroom.import']);
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Limits' } });
  const other = await app.documents(UIDS.tag).create({ data: { name: 'Limits too' } });
  // One more than the content API's maxLimit (config/api.ts).
  for (let i = 0; i < 101; i += 1) {
    await app.documents(UIDS.article).create({
      data: { title: `Limited ${i}`, tags: i % 2 ? [tag.documentId, other.documentId] : [tag.documentId] },
      status: 'published',
    });
  }
});

describe('the import route, with NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES set at boot', () => {
  it('reads the limit from the environment', () => {
    expect(app.strapi.config.get('plugin::newsroom.import.maxDocumentBytes')).toBe(LIMIT);
  });

  it('takes a document of exactly the limit', async () => {
    const res = await importRoute({ text: listingOf(LIMIT), dryRun: true }).expect(200);
    expect(res.body.data.articles).toMatchObject({ created: 1 });
  });

  it.each([
    ['one byte over, as a listing', { text: listingOf(LIMIT + 1) }],
    ['one byte over, as a dry run', { text: listingOf(LIMIT + 1), dryRun: true }],
    ['one byte over, as drafts', { text: listingOf(LIMIT + 1), draft: true }],
    // 1,366 characters, 4,098 bytes.
    ['over in bytes though not in characters', { text: '€'.repeat(1366), fileName: 'euro.txt' }],
    ['over as NDJSON', { text: JSON.stringify({ title: 'T', body: 'x'.repeat(LIMIT) }), format: 'ndjson' }],
  ])('answers 413 for a document %s, and writes nothing', async (_case, body) => {
    const bytes = Buffer.byteLength(body.text);
    expect(bytes).toBeGreaterThan(LIMIT);
    const before = await contentFingerprint(app);
    const res = await importRoute(body).expect(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      details: { line: 0, problem: `document is ${bytes} bytes, over the limit of ${LIMIT} bytes` },
    });
    expect(await contentFingerprint(app)).toEqual(before);
  });

  it('answers 413 for a body over the JSON limit (twice the document limit, plus 64 KiB), on any route', async () => {
    const before = await contentFingerprint(app);
    const body = { text: 'x'.repeat(2 * LIMIT + 64 * 1024) };
    await quietly(async () => {
      await importRoute(body).expect(413);
      await app.request().post('/api/articles').send({ data: { title: 'x'.repeat(2 * LIMIT + 64 * 1024) } }).expect(413);
      // Other body types have koa-body's default limits, far smaller.
      await app.request().post('/api/articles').type('form').send(`title=${'x'.repeat(200 * 1024)}`).expect(413);
      await app.request().post('/api/articles').type('text').send('x'.repeat(2 * 1024 * 1024)).expect(413);
    });
    expect(await contentFingerprint(app)).toEqual(before);
  });
});

/** A test name for a URL: long runs written short. */
const named = (urls: string[]) =>
  urls.map((url) => [url.replace(/(.{1,8}?)\1{20,}/g, (run, unit: string) => `${unit}…(×${run.length / unit.length})`), url]);

describe('the public tag routes refuse out-of-range parameters with a 400', () => {
  it.each(named([
    '/api/newsroom/tags?pageSize=101',
    '/api/newsroom/tags?pageSize=1e9',
    '/api/newsroom/tags?pageSize=0',
    '/api/newsroom/tags?pageSize=-1',
    '/api/newsroom/tags?page=-1',
    '/api/newsroom/tags?page=0',
    '/api/newsroom/tags?page=1000001',
    '/api/newsroom/tags?page=1e9',
    `/api/newsroom/tags?sort=${'x'.repeat(10_000)}`,
    `/api/newsroom/tags?all=${'x'.repeat(10_000)}`,
    `/api/newsroom/tags?${'page=1&'.repeat(500)}`,
    `/api/newsroom/tags/${SLUG}/related?limit=101`,
    `/api/newsroom/tags/${SLUG}/related?limit=1e9`,
    `/api/newsroom/tags/${SLUG}/related?limit=-1`,
    `/api/newsroom/tags/${SLUG}/related?limit=abc`,
    `/api/newsroom/tags/${SLUG}/related?limit=${'9'.repeat(10_000)}`,
    `/api/newsroom/tags/${SLUG}.txt?pageSize=101`,
    `/api/newsroom/tags/${SLUG}.txt?pageSize=1e9`,
    `/api/newsroom/tags/${SLUG}.txt?page=-1`,
    `/api/newsroom/tags/${SLUG}?pageSize=${'9'.repeat(10_000)}`,
    `/api/newsroom/tags/${SLUG}?after=${'A'.repeat(10_000)}`,
    `/api/newsroom/tags/${'a'.repeat(10_000)}/feed.atom`,
  ]))('%s', async (_name, url) => {
    const res = await get(url).expect(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });

  it('also when the page is asked for as text', async () => {
    for (const query of ['pageSize=101', 'pageSize=1e9', 'page=-1']) {
      await get(`/api/newsroom/tags/${SLUG}?${query}`).set('Accept', 'text/plain').expect(400);
    }
    await get(`/api/newsroom/tags/${'a'.repeat(10_000)}`).set('Accept', 'text/plain').expect(400);
  });

  it('and serve the largest allowed sizes', async () => {
    const page = await get(`/api/newsroom/tags/${SLUG}?pageSize=100`).expect(200);
    expect(page.body.data.articles).toHaveLength(100);
    const related = await get(`/api/newsroom/tags/${SLUG}/related?limit=100`).expect(200);
    expect(related.body.data).toEqual([{ name: 'Limits too', slug: 'limits-too', sharedArticles: 50 }]);
    // The feeds take no size: always the newest 20.
    const feed = await get(`/api/newsroom/tags/${SLUG}/feed.xml?pageSize=1000000000`).expect(200);
    expect(feed.text.match(/<item>/g)).toHaveLength(20);
  });
});

describe('Strapi’s content API', () => {
  it.each([
    'pagination[pageSize]=101',
    'pagination[pageSize]=1e9',
    'pagination[pageSize]=-1',
    'pagination[limit]=-1',
    'pagination[limit]=1000',
    'pagination[page]=-1',
    'pagination[page]=1e9',
    'pagination[start]=-5',
  ])('serves at most 100 articles for ?%s', async (query) => {
    const res = await get(`/api/articles?${query}`);
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) expect(res.body.data.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['a 10 KB filter value', `filters[title][$eq]=${'x'.repeat(10_000)}`, 200],
    ['a 10 KB sort key', `sort=${'x'.repeat(10_000)}`, 400],
    ['filters nested 60 deep', `filters${'[a]'.repeat(60)}=1`, 400],
    ['a populate path 50 relations deep', `populate=${'tags.'.repeat(50)}tags`, 400],
    ['an unknown operator', 'filters[title][$evil]=1', 400],
  ])('answers %s without a 500', async (_case, query, status) => {
    await get(`/api/articles?${query}`).expect(status);
  });
});

describe('oversized URLs', () => {
  it('are refused by the HTTP server, which keeps answering', async () => {
    const res = await get(`/api/articles?q=${'x'.repeat(100_000)}`);
    expect([414, 431]).toContain(res.status);
    await get('/api/newsroom/health').expect(200);
  });
});
