import fs from 'node:fs';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

const seedText = fs.readFileSync(SEED_FILE, 'utf8');
const seed = parseTagListing(seedText, { file: 'us-led-coalition.txt' });
const SLUG = 'us-led-coalition';

const app = useTestApp();
let tagId: string;
const documentIds: string[] = []; // in seed order, newest first

const articles = () => app.documents(UIDS.article);
const tags = () => app.documents(UIDS.tag);
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
const get = app.get;

beforeAll(async () => {
  const tag = await tags().create({ data: { name: seed.tag, description: 'Strikes by the coalition', metaTitle: 'Coalition strikes', metaDescription: 'Every strike by the US-led coalition' } });
  tagId = tag.documentId;
  // Oldest first, so each publish is later than the one before: the page is newest first.
  for (const item of [...seed.items].reverse()) {
    const article = await articles().create({
      data: { title: item.title, body: paragraphs(item.text), customExcerpt: item.excerpt, tags: [tagId] },
      status: 'published',
    });
    documentIds.unshift(article.documentId);
    await tick();
  }
});

describe('GET /api/newsroom/tags/:slug', () => {
  it('serves the tag and its newest published articles with excerpts, tags and sources', async () => {
    const res = await get(`/api/newsroom/tags/${SLUG}`).expect(200);
    expect(res.body.data.tag).toEqual({
      name: seed.tag,
      slug: SLUG,
      description: 'Strikes by the coalition',
      aliases: [],
      articleCount: 10,
      metaTitle: 'Coalition strikes',
      metaDescription: 'Every strike by the US-led coalition',
      noindex: false,
    });
    expect(res.body.data.articles.map((a: { title: string }) => a.title)).toEqual(seed.items.map((i) => i.title));
    expect(res.body.data.articles[0]).toEqual({
      documentId: documentIds[0],
      title: seed.items[0].title,
      slug: expect.any(String),
      excerpt: seed.items[0].excerpt,
      byline: null,
      cover: null,
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      tags: [{ name: seed.tag, slug: SLUG }],
      sources: [],
    });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 10, next: null });
  });

  it('renders page 1 as text byte-identical to the seed document', async () => {
    const res = await get(`/api/newsroom/tags/${SLUG}.txt`).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe(seedText);
    const negotiated = await get(`/api/newsroom/tags/${SLUG}`).set('Accept', 'text/plain').expect(200);
    expect(negotiated.text).toBe(seedText);
  });

  it('pages by number and by cursor, giving the same sequence', async () => {
    const byNumber: string[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const res = await get(`/api/newsroom/tags/${SLUG}?page=${page}&pageSize=3`).expect(200);
      expect(res.body.meta.pagination).toMatchObject({ page, pageSize: 3, pageCount: 4, total: 10 });
      byNumber.push(...res.body.data.articles.map((a: { documentId: string }) => a.documentId));
    }
    expect(byNumber).toEqual(documentIds);

    const byCursor: string[] = [];
    let url = `/api/newsroom/tags/${SLUG}?pageSize=3`;
    for (;;) {
      const res = await get(url).expect(200);
      byCursor.push(...res.body.data.articles.map((a: { documentId: string }) => a.documentId));
      if (!res.body.meta.pagination.next) break;
      url = `/api/newsroom/tags/${SLUG}?pageSize=3&after=${res.body.meta.pagination.next}`;
    }
    expect(byCursor).toEqual(documentIds);
  });

  it.each([
    ['page=0', 400],
    ['page=-1', 400],
    ['page=abc', 400],
    ['page=1.5', 400],
    ['page=5', 400],
    ['pageSize=0', 400],
    ['pageSize=101', 400],
    ['pageSize=1e9', 400],
    ['page=1&page=2', 400],
    ['after=not-a-cursor', 400],
    ['after=WzEsMl0', 200],
    [`after=${Buffer.from('[1,"x"]').toString('base64url')}`, 400],
    [`after=${Buffer.from('{"p":1}').toString('base64url')}`, 400],
    ['after=AAA…', 400],
    ['page=2&after=WzEsMl0', 400],
  ])('answers ?%s with %i', async (query, status) => {
    // A 300-character cursor, written short in the test's name.
    const res = await get(`/api/newsroom/tags/${SLUG}?${query.replace('AAA…', 'A'.repeat(300))}`).expect(status);
    if (status === 400) expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });

  it.each([
    ['a quote', "it's", 404],
    ['a NUL byte', '%00', 404],
    ['SQL', "x' OR '1'='1", 404],
    ['encoded SQL', 'x%22%3B%20DROP%20TABLE%20tags%3B--', 404],
    ['an emoji', '%F0%9F%98%80', 404],
    ['10 KB', 'a'.repeat(10_000), 400],
  ])('answers a slug with %s cleanly (%s)', async (_label, slug, status) => {
    for (const suffix of ['', '.txt', '/related', '/feed.xml']) {
      const res = await get(`/api/newsroom/tags/${slug}${suffix}`);
      expect(res.status).toBe(status);
      expect(res.body.error?.status ?? JSON.parse(res.text).error.status).toBe(status);
    }
  });
});

describe('drafts and changes', () => {
  it('never show a draft, and counts follow publish, unpublish and delete', async () => {
    const draft = await articles().create({ data: { title: 'Draft under the tag', body: paragraphs('Secret.'), tags: [tagId] } });
    const page = async () => (await get(`/api/newsroom/tags/${SLUG}?pageSize=100`).expect(200)).body;
    expect((await page()).data.tag.articleCount).toBe(10);
    expect((await page()).data.articles.map((a: { title: string }) => a.title)).not.toContain('Draft under the tag');

    const first = await get(`/api/newsroom/tags/${SLUG}`).expect(200);
    const etag = first.headers.etag;
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    await get(`/api/newsroom/tags/${SLUG}`).set('If-None-Match', etag).expect(304);

    await articles().publish({ documentId: draft.documentId });
    const published = await page();
    expect(published.data.tag.articleCount).toBe(11);
    expect(published.data.articles[0].title).toBe('Draft under the tag');
    const afterPublish = await get(`/api/newsroom/tags/${SLUG}`).set('If-None-Match', etag).expect(200);
    expect(afterPublish.headers.etag).not.toBe(etag);

    // An edit is only public once published.
    await articles().update({ documentId: draft.documentId, data: { title: 'Edited title' } });
    await get(`/api/newsroom/tags/${SLUG}`).set('If-None-Match', afterPublish.headers.etag).expect(304);
    await articles().publish({ documentId: draft.documentId });
    const afterEdit = await get(`/api/newsroom/tags/${SLUG}`).set('If-None-Match', afterPublish.headers.etag).expect(200);
    expect(afterEdit.body.data.articles[0].title).toBe('Edited title');

    await articles().unpublish({ documentId: draft.documentId });
    expect((await page()).data.tag.articleCount).toBe(10);
    await get(`/api/newsroom/tags/${SLUG}`).set('If-None-Match', etag).expect(304);

    await articles().publish({ documentId: draft.documentId });
    await articles().delete({ documentId: draft.documentId });
    expect((await page()).data.tag.articleCount).toBe(10);
    expect((await get(`/api/newsroom/tags/${SLUG}`).expect(200)).headers.etag).toBe(etag);
  });

  it('follow links edited from the tag side', async () => {
    const other = await tags().create({ data: { name: 'Deir ez-Zor', articles: documentIds.slice(0, 2) } });
    const res = await get(`/api/newsroom/tags/${other.slug}`).expect(200);
    expect(res.body.data.articles.map((a: { documentId: string }) => a.documentId)).toEqual(documentIds.slice(0, 2));

    await tags().update({ documentId: other.documentId, data: { articles: [documentIds[4]] } });
    const edited = await get(`/api/newsroom/tags/${other.slug}`).expect(200);
    expect(edited.body.data.articles.map((a: { documentId: string }) => a.documentId)).toEqual([documentIds[4]]);

    await tags().delete({ documentId: other.documentId });
    // A deleted tag's slug answers 410 Gone (tag-rename.test.ts); one that never was, 404.
    await get(`/api/newsroom/tags/${other.slug}`).expect(410);
    await get(`/api/newsroom/tags/${other.slug}-never`).expect(404);
  });
});

describe('GET /api/newsroom/tags and related tags', () => {
  beforeAll(async () => {
    await tags().create({ data: { name: 'Syria', articles: documentIds.slice(0, 3) } });
    await tags().create({ data: { name: 'Russia', articles: documentIds.slice(2, 9) } });
    await tags().create({ data: { name: 'Empty tag' } });
  });

  it('lists tags with their published article counts', async () => {
    const byCount = await get('/api/newsroom/tags').expect(200);
    expect(byCount.body.data.map((t: { name: string; articleCount: number }) => [t.name, t.articleCount])).toEqual([
      [seed.tag, 10],
      ['Russia', 7],
      ['Syria', 3],
    ]);
    const byName = await get('/api/newsroom/tags?sort=name&all=true&pageSize=2&page=2').expect(200);
    expect(byName.body.data.map((t: { name: string }) => t.name)).toEqual(['Syria', seed.tag]);
    expect(byName.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 4 });
    const all = await get('/api/newsroom/tags?sort=name&all=true').expect(200);
    expect(all.body.data[0]).toEqual({ name: 'Empty tag', slug: 'empty-tag', description: null, aliases: [], articleCount: 0, metaTitle: null, metaDescription: null, noindex: false });
    await get('/api/newsroom/tags?sort=popularity').expect(400);
  });

  it('lists the tags that co-occur most, with the shared article count', async () => {
    const res = await get(`/api/newsroom/tags/${SLUG}/related`).expect(200);
    expect(res.body.data).toEqual([
      { name: 'Russia', slug: 'russia', sharedArticles: 7 },
      { name: 'Syria', slug: 'syria', sharedArticles: 3 },
    ]);
    const one = await get(`/api/newsroom/tags/syria/related?limit=1`).expect(200);
    expect(one.body.data).toEqual([{ name: seed.tag, slug: SLUG, sharedArticles: 3 }]);
    await get(`/api/newsroom/tags/syria/related?limit=0`).expect(400);
  });
});

describe('the tag-page index', () => {
  it('has its tables and indexes on this database', async () => {
    const inspector = app.strapi.db.dialect.schemaInspector;
    const pages = (await inspector.getIndexes('newsroom_tag_articles')).map((i: { name: string }) => i.name);
    expect(pages).toEqual(expect.arrayContaining(['newsroom_tag_articles_page_idx', 'newsroom_tag_articles_article_idx']));
    // Strapi's own tables: the lookups and one index per public sort and direction (services/table-indexes.ts).
    const wanted: Array<{ table: string; name: string }> = app.service('table-indexes').wanted();
    expect(wanted.map((i) => i.name)).toEqual(expect.arrayContaining(['tags_slug_idx', 'articles_published_at_desc_idx', 'articles_title_asc_idx']));
    for (const table of ['articles', 'tags', 'sources']) {
      const made = (await inspector.getIndexes(table)).map((i: { name: string }) => i.name);
      expect(made).toEqual(expect.arrayContaining(wanted.filter((i) => i.table === table).map((i) => i.name)));
    }
  });

  it('is rebuilt when it does not match the articles', async () => {
    const index = app.service('term-page-index');
    expect(await index.isConsistent()).toBe(true);
    await app.strapi.db.connection(TABLES.tagArticles).delete();
    expect(await index.isConsistent()).toBe(false);
    await get(`/api/newsroom/tags/${SLUG}`).expect(200);
    // What every boot runs, in the background: the check, then a rebuild claimed as a job.
    const check = app.service('index-check');
    check.start();
    await check.settled();
    expect(await index.isConsistent()).toBe(true);
    expect(await app.service('jobs').get('term-page-index-rebuild')).toMatchObject({ status: 'done', error: null });
    expect((await get(`/api/newsroom/tags/${SLUG}.txt`).expect(200)).text).toBe(seedText);
  });

  it('checks in steps that a shutdown stops', async () => {
    const index = app.service('term-page-index');
    const stopped = new AbortController();
    stopped.abort();
    await expect(index.isConsistent(stopped.signal)).rejects.toThrow();
    const check = app.service('index-check');
    check.start();
    await check.stop();
    expect(await index.isConsistent()).toBe(true);
  });

  it('gets fresh statistics after a bulk load (and on PostgreSQL a vacuum, for index-only scans)', async () => {
    await app.service('term-page-index').analyze();
    const knex = app.strapi.db.connection;
    if (app.database.client === 'postgres') {
      const { rows } = await knex.raw(`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'newsroom_tag_articles' AND schemaname = current_schema()`);
      expect(rows[0].last_vacuum).not.toBeNull();
      expect(rows[0].last_analyze).not.toBeNull();
    } else {
      const stats = await knex('sqlite_stat1').where({ tbl: 'newsroom_tag_articles' });
      expect(stats.length).toBeGreaterThan(0);
    }
  });
});
