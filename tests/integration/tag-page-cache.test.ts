import Database from 'better-sqlite3';
import { Client } from 'pg';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

// The response cache of the public tag-page routes: a hit really skips the
// page's queries, and every kind of write that changes a page is seen at once.

const SLUG = 'cached-tag';
const PAGE = `/api/newsroom/tags/${SLUG}`;
const ROUTES = [PAGE, `${PAGE}.txt`, `${PAGE}/feed.xml`, `${PAGE}/feed.atom`, `${PAGE}/related`, '/api/newsroom/tags?all=true'];

const app = useTestApp();
let articleId: string;
let sourceId: string;

const get = app.get;
async function etags(): Promise<string[]> {
  const tags: string[] = [];
  // One at a time: supertest makes the shared server listen per request.
  for (const url of ROUTES) tags.push((await get(url).expect(200)).headers.etag);
  return tags;
}

/**
 * Runs SQL through a connection of its own, as another instance or a
 * database restore would: nothing in this process hears about it.
 */
async function outsideWrite(sql: string, params: unknown[] = []): Promise<void> {
  if (app.database.client === 'sqlite') {
    const db = new Database(process.env.DATABASE_FILENAME as string);
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const pg = new Client(process.env.DATABASE_URL ? { connectionString: process.env.DATABASE_URL } : {});
  await pg.connect();
  try {
    await pg.query(`SET search_path TO "${process.env.DATABASE_SCHEMA}"`);
    let n = 0;
    await pg.query(sql.replace(/\?/g, () => `$${++n}`), params);
  } finally {
    await pg.end();
  }
}

/**
 * What another instance's writer commits for a change (services/page-versions.ts):
 * the sequence moves on, the cache tag takes its number, and on PostgreSQL
 * the NOTIFY goes out with the commit.
 */
async function outsideChange(cacheTag: string): Promise<void> {
  const seq = Number((await app.strapi.db.connection(TABLES.contentVersion).first('version')).version) + 1;
  await outsideWrite(`UPDATE ${TABLES.contentVersion} SET version = ? WHERE id = 1`, [seq]);
  await outsideWrite(`INSERT INTO ${TABLES.pageVersions} (key, seq) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET seq = excluded.seq`, [cacheTag, seq]);
  if (app.database.client === 'postgres') {
    await outsideWrite(`SELECT pg_notify('newsroom_pages', ?)`, [`${process.env.DATABASE_SCHEMA}|${seq}|${cacheTag}`]);
    // Delivered asynchronously: another instance's request comes later than this one's would.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const articleTable = () => app.strapi.db.metadata.get(UIDS.article).tableName;
const titleOnPage = async () => (await get(PAGE).expect(200)).body.data.articles[0].title as string;

beforeAll(async () => {
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Cached tag' } });
  const other = await app.documents(UIDS.tag).create({ data: { name: 'Other tag' } });
  const source = await app.documents(UIDS.source).create({ data: { name: 'Reuters', url: 'https://www.reuters.com' } });
  sourceId = source.documentId;
  const article = await app.documents(UIDS.article).create({
    data: {
      title: 'First title',
      body: paragraphs('A long enough body for an excerpt. '.repeat(30)),
      tags: [tag.documentId, other.documentId],
      sources: [source.documentId],
    },
    status: 'published',
  });
  articleId = article.documentId;
});

it('serves a cached page until a change names it, even after a write behind its back', async () => {
  expect(await titleOnPage()).toBe('First title');
  await outsideWrite(`UPDATE ${articleTable()} SET title = ? WHERE document_id = ?`, ['Changed by SQL', articleId]);
  // Proof that a hit does not read the page: SQL by hand is not seen...
  expect(await titleOnPage()).toBe('First title');
  // ...nor a change that names other pages...
  await outsideChange('tag:some-other-tag');
  expect(await titleOnPage()).toBe('First title');
  // ...until a change names this one, as another instance's writer would record it.
  await outsideChange(`tag:${SLUG}`);
  expect(await titleOnPage()).toBe('Changed by SQL');
});

it('sees each kind of write at once: article, source, tag, excerpt regeneration, import', async () => {
  let before = await etags();
  const changed = async () => {
    const after = await etags();
    const result = after.filter((etag, i) => etag !== before[i]).length;
    before = after;
    return result;
  };

  await app.documents(UIDS.article).update({ documentId: articleId, data: { title: 'Edited title' }, status: 'published' });
  expect(await titleOnPage()).toBe('Edited title');
  expect(await changed()).toBeGreaterThanOrEqual(4); // JSON, text, RSS, Atom

  await app.documents(UIDS.source).update({ documentId: sourceId, data: { name: 'Reuters News' } });
  expect((await get(PAGE).expect(200)).body.data.articles[0].sources[0].name).toBe('Reuters News');
  expect(await changed()).toBeGreaterThanOrEqual(1);

  const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: SLUG } });
  await app.documents(UIDS.tag).update({ documentId: tag!.documentId, data: { description: 'Now described' } });
  expect((await get(PAGE).expect(200)).body.data.tag.description).toBe('Now described');
  expect(await changed()).toBeGreaterThanOrEqual(1);

    await app.service('excerpt-settings').set({ maxLength: 40, suffix: ' …' });
  await app.service('excerpt-regeneration').run();
  expect((await get(PAGE).expect(200)).body.data.articles[0].excerpt).toMatch(/ …$/);
  expect(await changed()).toBeGreaterThanOrEqual(4);

  // A new tag whose only article is a draft: no page changes, the full tag list does.
  await app.importer().importDocument('Contents tagged with Imported tag\n\n  • A draft\n\n    Its excerpt.\n', { draft: true });
  const list = (await get('/api/newsroom/tags?all=true').expect(200)).body.data.map((t: { slug: string }) => t.slug);
  expect(list).toContain('imported-tag');
  expect(await changed()).toBeGreaterThanOrEqual(1);
});

it('answers 304 from the cache, and keeps representations apart', async () => {
  const json = await get(PAGE).expect(200);
  await get(PAGE).set('If-None-Match', json.headers.etag).expect(304);
  const text = await get(PAGE).set('Accept', 'text/plain').expect(200);
  expect(text.headers['content-type']).toMatch(/^text\/plain/);
  expect(text.headers.etag).not.toBe(json.headers.etag);
  expect((await get(PAGE).expect(200)).headers['content-type']).toMatch(/^application\/json/);
});

describe("conditional requests from Node's fetch, which adds Cache-Control: no-cache to them", () => {
  let origin: string;
  beforeAll(async () => {
    // A real listening server (stopped with the app), reached over TCP by the global fetch.
    origin = await app.listen();
  });

  it.each([
    ['JSON', PAGE],
    ['text', `${PAGE}.txt`],
    ['Atom', `${PAGE}/feed.atom`],
  ])('get 304 for a matching ETag: %s', async (_kind, route) => {
    const first = await fetch(`${origin}${route}`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const ifNoneMatch of [etag, `"other", W/${etag}`, '*']) {
      const again = await fetch(`${origin}${route}`, { headers: { 'If-None-Match': ifNoneMatch } });
      expect({ ifNoneMatch, status: again.status, etag: again.headers.get('etag') }).toEqual({ ifNoneMatch, status: 304, etag });
      expect(await again.text()).toBe('');
    }
    const other = await fetch(`${origin}${route}`, { headers: { 'If-None-Match': '"other"' } });
    expect(other.status).toBe(200);
    expect((await other.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

it('reads every time when the cache is off', async () => {
  app.strapi.config.set('plugin::newsroom.tagPages.cache.enabled', false);
  try {
    await outsideWrite(`UPDATE ${articleTable()} SET title = ? WHERE document_id = ?`, ['Seen without cache', articleId]);
    expect(await titleOnPage()).toBe('Seen without cache');
  } finally {
    app.strapi.config.set('plugin::newsroom.tagPages.cache.enabled', true);
  }
});

describe('precise invalidation: a change empties only the pages that show it', () => {
  const cacheOf = async (url: string) => (await get(url).expect(200)).headers['x-newsroom-cache'];
  let tags: Record<string, string>;

  beforeAll(async () => {
    tags = {};
    for (const name of ['Precise P', 'Precise Q']) tags[name] = (await app.documents(UIDS.tag).create({ data: { name } })).documentId;
    for (const name of Object.keys(tags)) {
      await app.documents(UIDS.article).create({ data: { title: `In ${name}`, body: paragraphs('Body. '.repeat(40)), tags: [tags[name]] }, status: 'published' });
    }
  });

  it('a publish on tag P leaves the pages of tag Q cached, and P is rebuilt with it', async () => {
    for (const url of ['/api/newsroom/tags/precise-p', '/api/newsroom/tags/precise-q', '/api/newsroom/tags/precise-q/feed.xml']) {
      await get(url).expect(200);
      expect(await cacheOf(url)).toBe('hit');
    }
    await app.documents(UIDS.article).create({ data: { title: 'New in P', body: paragraphs('Body. '.repeat(40)), tags: [tags['Precise P']] }, status: 'published' });
    expect(await cacheOf('/api/newsroom/tags/precise-q')).toBe('hit');
    expect(await cacheOf('/api/newsroom/tags/precise-q/feed.xml')).toBe('hit');
    const p = await get('/api/newsroom/tags/precise-p').expect(200);
    expect(p.headers['x-newsroom-cache']).toBe('miss');
    expect(p.body.data.articles.map((a: { title: string }) => a.title)).toContain('New in P');
  });

  it('sends the cache tags of what a page shows, for a CDN to purge by', async () => {
    const page = await get('/api/newsroom/tags/precise-q').expect(200);
    const keys = String(page.headers['surrogate-key']).split(' ');
    const [article] = page.body.data.articles as Array<{ documentId: string }>;
    expect(keys).toEqual(expect.arrayContaining(['newsroom', 'tag:precise-q', 'tag-label:precise-q', `article:${article.documentId}`]));
    expect(keys.some((key) => key.includes('precise-p'))).toBe(false);
    expect(String(page.headers['cache-tag']).split(',')).toEqual(keys);
    const list = await get('/api/newsroom/tags').expect(200);
    expect(String(list.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining(['list:tags', 'tag-label:precise-q']));
  });

  it('renaming a tag empties every page that names it, on other tags too', async () => {
    const shared = await app.documents(UIDS.article).create({
      data: { title: 'In both', body: paragraphs('Body. '.repeat(40)), tags: [tags['Precise Q'], tags['Precise P']] },
      status: 'published',
    });
    expect(shared.documentId).toBeTruthy();
    await get('/api/newsroom/tags/precise-q').expect(200);
    expect(await cacheOf('/api/newsroom/tags/precise-q')).toBe('hit');
    await app.documents(UIDS.tag).update({ documentId: tags['Precise P'], data: { name: 'Precise P renamed' } });
    const q = await get('/api/newsroom/tags/precise-q').expect(200);
    expect(q.headers['x-newsroom-cache']).toBe('miss');
    const names = (q.body.data.articles as Array<{ tags: Array<{ name: string }> }>).flatMap((a) => a.tags.map((t) => t.name));
    expect(names).toContain('Precise P renamed');
  });
});
