import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * The stock `/api/articles` tag and source slug filters, answered from an
 * index, must answer exactly what stock Strapi answers: the same app with the
 * acceleration switched off (NEWSROOM_STOCK_FILTER_INDEX=false, i.e. the
 * plugin's `indexedFilter.enabled`) gives stock's bytes for each URL.
 */

const app = useTestApp();
const HOUR = 3600_000;
const BASE = Date.UTC(2026, 0, 15, 12);
const FLAG = 'plugin::newsroom.indexedFilter.enabled';

// Articles imported together share dates: four per hour, so pages cut through ties.
const lines = [
  ...Array.from({ length: 36 }, (_, i) => ({
    title: `Big ${i}`,
    body: `Big story ${i}.`,
    bodyFormat: 'text',
    tags: i % 3 === 0 ? ['Big', 'Other'] : ['Big'],
    sources: [...(i % 2 === 0 ? ['Wire'] : []), ...(i % 3 === 0 ? ['Paper'] : [])],
    publishedAt: new Date(BASE - Math.floor(i / 4) * HOUR).toISOString(),
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    title: `Other ${i}`,
    body: `Other story ${i}.`,
    bodyFormat: 'text',
    tags: ['Other'],
    sources: ['Paper'],
    publishedAt: new Date(BASE - (Math.floor(i / 2) * 2 + 1) * HOUR).toISOString(),
  })),
  ...[0, 1].map((i) => ({ title: `Small ${i}`, body: 'Small.', bodyFormat: 'text', tags: ['Small'], publishedAt: new Date(BASE - i * HOUR).toISOString() })),
  // Drafts under a tag never show.
  ...[0, 1].map((i) => ({ title: `Draft big ${i}`, body: 'Draft.', bodyFormat: 'text', tags: ['Big'], sources: ['Wire'], draft: true })),
  ...[0, 1].map((i) => ({ title: `Draft only ${i}`, body: 'Draft.', bodyFormat: 'text', tags: ['Drafts only'], draft: true })),
];

const get = app.get;

async function stockAndIndexed(url: string) {
  app.strapi.config.set(FLAG, false);
  const stock = await get(url);
  app.strapi.config.set(FLAG, true);
  const indexed = await get(url);
  return { stock, indexed };
}

/** The indexed answer is stock's, byte for byte, and came from the index. */
async function expectSameAsStock(url: string, relation: 'tags' | 'sources' = 'tags') {
  const { stock, indexed } = await stockAndIndexed(url);
  expect(stock.status).toBe(200);
  expect(stock.headers['x-newsroom-index']).toBeUndefined();
  expect({ status: indexed.status, body: indexed.text }).toEqual({ status: 200, body: stock.text });
  expect(indexed.headers['x-newsroom-index']).toBe(relation);
  return indexed.body;
}

beforeAll(async () => {
  await app.importer().importDocument(ndjson(lines), { fileName: 'indexed-filter.ndjson' });
  // Written through the Document Service too: published under Big, then a
  // pending draft that adds Small (the published version is not under Small).
  const big = await app.documents(UIDS.tag).findFirst({ filters: { slug: 'big' } });
  const small = await app.documents(UIDS.tag).findFirst({ filters: { slug: 'small' } });
  const article = await app.documents(UIDS.article).create({
    data: { title: 'Newest big', tags: [big!.documentId] },
    status: 'published',
  });
  await app.documents(UIDS.article).update({
    documentId: article.documentId,
    data: { tags: [big!.documentId, small!.documentId] },
  });
});

const FRONTEND = 'populate[tags][fields][0]=name&populate[sources][fields][0]=name&sort=publishedAt:desc';
const big = `/api/articles?filters[tags][slug][$eq]=big`;
const bigOrOther = `/api/articles?filters[tags][slug][$in][0]=big&filters[tags][slug][$in][1]=other`;

describe('the stock tag filter, from the tag-page index', () => {
  it('serves the frontends\' URL as stock does: newest first, ties by id, tags and sources populated', async () => {
    const body = await expectSameAsStock(`${big}&${FRONTEND}&pagination[pageSize]=10`);
    // 36 imported + 1 created; the drafts are not counted.
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 4, total: 37 });
    expect(body.data.map((a: { title: string }) => a.title).slice(0, 3)).toEqual(['Newest big', 'Big 0', 'Big 1']);
    expect(body.data[1].tags).toEqual([expect.objectContaining({ name: 'Big' }), expect.objectContaining({ name: 'Other' })]);
  });

  it.each([
    ['page 2', `${big}&${FRONTEND}&pagination[page]=2&pagination[pageSize]=10`],
    ['the last page', `${big}&${FRONTEND}&pagination[page]=4&pagination[pageSize]=10`],
    ['pages that cut through ties', `${big}&${FRONTEND}&pagination[page]=3&pagination[pageSize]=3`],
    ['past the end', `${big}&${FRONTEND}&pagination[page]=5&pagination[pageSize]=10`],
    ['far past the end, as deep as offsets go', `${big}&pagination[page]=400`],
    ['oldest first', `${big}&sort=publishedAt:asc&pagination[page]=2&pagination[pageSize]=7`],
    ['an explicit id tiebreak, descending', `${big}&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[page]=2&pagination[pageSize]=6`],
    ['a sort object', `${big}&sort[publishedAt]=desc&pagination[pageSize]=5&pagination[page]=3`],
    ['no sort (by id)', `${big}&pagination[page]=2&pagination[pageSize]=5`],
    ['by id, descending', `${big}&sort=id:desc&pagination[pageSize]=5`],
    ['start and limit', `${big}&${FRONTEND}&pagination[start]=7&pagination[limit]=5`],
    ['start and limit at the end', `${big}&sort=publishedAt:desc&pagination[start]=35&pagination[limit]=10`],
    ['start past the end', `${big}&pagination[start]=100&pagination[limit]=10`],
    ['withCount=false', `${big}&${FRONTEND}&pagination[page]=2&pagination[pageSize]=5&pagination[withCount]=false`],
    ['withCount=false with start and limit', `${big}&sort=publishedAt:desc&pagination[start]=3&pagination[limit]=4&pagination[withCount]=false`],
    ['fields', `${big}&fields[0]=title&fields[1]=slug&sort=publishedAt:desc&pagination[pageSize]=4`],
    ['the benchmark\'s fields and populate', `${big}&populate[tags][fields][0]=name&populate[tags][fields][1]=slug&populate[sources][fields][0]=name&populate[sources][fields][1]=slug&populate[sources][fields][2]=url&fields[0]=title&fields[1]=slug&fields[2]=excerpt&fields[3]=publishedAt&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[pageSize]=10`],
    ['whole relations populated', `${big}&populate[0]=tags&populate[1]=sources&sort=publishedAt:desc&pagination[pageSize]=5`],
    ['a page size over maxLimit', `${big}&${FRONTEND}&pagination[pageSize]=500`],
    ['the default page size', `${big}&sort=publishedAt:desc`],
    ['the implicit equality', `/api/articles?filters[tags][slug]=big&${FRONTEND}`],
    ['status=draft (the route serves published articles only)', `${big}&${FRONTEND}&status=draft`],
  ])('%s', async (_name, url) => {
    await expectSameAsStock(url);
  });

  it.each([
    ['page 1', `${bigOrOther}&${FRONTEND}&pagination[pageSize]=10`],
    ['a deep page', `${bigOrOther}&${FRONTEND}&pagination[page]=4&pagination[pageSize]=7`],
    ['no sort', `${bigOrOther}&pagination[page]=2&pagination[pageSize]=10`],
    ['oldest first, start and limit', `${bigOrOther}&sort=publishedAt:asc&pagination[start]=5&pagination[limit]=9`],
    ['withCount=false', `${bigOrOther}&sort=publishedAt:desc&pagination[withCount]=false`],
  ])('a $in of two tags sharing articles: %s', async (_name, url) => {
    await expectSameAsStock(url);
  });

  it('counts an article under both tags of a $in once', async () => {
    const body = await expectSameAsStock(`${bigOrOther}&pagination[pageSize]=100`);
    // 37 under Big, 10 under Other only.
    expect(body.meta.pagination.total).toBe(47);
    expect(new Set(body.data.map((a: { id: number }) => a.id)).size).toBe(47);
  });

  it.each([
    ['an unknown slug', '/api/articles?filters[tags][slug][$eq]=nowhere&sort=publishedAt:desc'],
    ['an unknown slug in a $in', `/api/articles?filters[tags][slug][$in][0]=nowhere&filters[tags][slug][$in][1]=small&${FRONTEND}`],
    ['a lone $in value', `/api/articles?filters[tags][slug][$in]=small&${FRONTEND}`],
    ['a tag with drafts only', `/api/articles?filters[tags][slug][$eq]=drafts-only&${FRONTEND}`],
  ])('%s', async (_name, url) => {
    await expectSameAsStock(url);
  });

  it('shows no draft: a pending draft\'s new tag is not the published article\'s', async () => {
    const body = await expectSameAsStock(`/api/articles?filters[tags][slug][$eq]=small&${FRONTEND}`);
    expect(body.data.map((a: { title: string }) => a.title)).toEqual(['Small 0', 'Small 1']);
  });

  it('reads the page from the index: no COUNT(DISTINCT), and articles only by the page\'s ids', async () => {
    const queries: string[] = [];
    const record = (query: { sql: string }) => queries.push(query.sql);
    app.strapi.db.connection.on('query', record);
    try {
      const res = await get(`${big}&${FRONTEND}&pagination[page]=3&pagination[pageSize]=10`).expect(200);
      expect(res.body.data).toHaveLength(10);
    } finally {
      app.strapi.db.connection.off('query', record);
    }
    expect(queries.filter((sql) => /count\s*\(\s*distinct/i.test(sql))).toEqual([]);
    // PostgreSQL names the schema too.
    const from = (table: string) => new RegExp(`from\\s+(["\`][^"\`]+["\`]\\.)?["\`]${table}["\`]`, 'i');
    const articleReads = queries.filter((sql) => from('articles').test(sql));
    expect(articleReads).toHaveLength(1);
    expect(articleReads[0]).toMatch(/["`]t0["`]\.["`]id["`] in \(/i);
    expect(queries.some((sql) => from('newsroom_tag_articles').test(sql))).toBe(true);
  });

  it('follows writes: a newly published article, then unpublished', async () => {
    const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: 'big' } });
    const article = await app.documents(UIDS.article).create({ data: { title: 'Later big', tags: [tag!.documentId] }, status: 'published' });
    const url = `${big}&${FRONTEND}&pagination[pageSize]=3`;
    expect((await expectSameAsStock(url)).data[0].title).toBe('Later big');
    await app.documents(UIDS.article).unpublish({ documentId: article.documentId });
    expect((await expectSameAsStock(url)).data[0].title).toBe('Newest big');
    await app.documents(UIDS.article).delete({ documentId: article.documentId });
  });

  it('refuses a $in of more than 20 slugs with a 400 in Strapi\'s error shape', async () => {
    const slugs = Array.from({ length: 21 }, (_, i) => `filters[tags][slug][$in][${i}]=tag-${i}`).join('&');
    const res = await get(`/api/articles?${slugs}`).expect(400);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.stringContaining('filters[tags][slug][$in] lists 21 slugs; at most 20 allowed'),
        details: { parameter: 'filters[tags][slug][$in]', maxSlugs: 20, slugs: 21 },
      },
    });
    const twenty = Array.from({ length: 20 }, (_, i) => `filters[tags][slug][$in][${i}]=${i === 0 ? 'big' : `tag-${i}`}`).join('&');
    await expectSameAsStock(`/api/articles?${twenty}&sort=publishedAt:desc`);
  });

  // Stock Strapi would join every article of the tag for these: the cost policy refuses them before anything is read.
  it.each([
    ['another filter beside the tag', `${big}&filters[title][$eq]=Big`, 'filters[tags]'],
    ['an order no index holds', `${big}&sort=title:asc`, 'sort'],
    ['a tag filter inside $and', '/api/articles?filters[$and][0][tags][slug][$eq]=big', 'filters[$and][0][tags]'],
  ])('refuses %s (the cost policy)', async (_name, url, param) => {
    const res = await get(url).expect(400);
    expect(res.headers['x-newsroom-index']).toBeUndefined();
    expect(res.body.error.details.param).toBe(param);
  });
});

describe('the stock source filter, from the link table', () => {
  const wire = '/api/articles?filters[sources][slug][$eq]=wire';

  it.each([
    ['page 1', `${wire}&${FRONTEND}&pagination[pageSize]=10`],
    ['a deep page cutting ties', `${wire}&${FRONTEND}&pagination[page]=3&pagination[pageSize]=4`],
    ['no sort, start and limit', `${wire}&pagination[start]=5&pagination[limit]=5`],
    ['withCount=false', `${wire}&sort=publishedAt:asc&pagination[withCount]=false&pagination[pageSize]=4`],
    ['a lone $in value', `/api/articles?filters[sources][slug][$in][0]=paper&${FRONTEND}&pagination[page]=2&pagination[pageSize]=6`],
    ['an unknown source', `/api/articles?filters[sources][slug][$eq]=nowhere&${FRONTEND}`],
  ])('%s', async (_name, url) => {
    await expectSameAsStock(url, 'sources');
  });

  it('counts published articles only', async () => {
    const body = await expectSameAsStock(`${wire}&pagination[pageSize]=1`, 'sources');
    expect(body.meta.pagination.total).toBe(18);
  });

  it('serves a $in of several sources when the configuration allows it', async () => {
    const cap = 'plugin::newsroom.indexedFilter.maxSlugs.sources';
    app.strapi.config.set(cap, 2);
    try {
      await expectSameAsStock(
        `/api/articles?filters[sources][slug][$in][0]=wire&filters[sources][slug][$in][1]=paper&${FRONTEND}&pagination[page]=2&pagination[pageSize]=6`,
        'sources',
      );
    } finally {
      app.strapi.config.set(cap, 1);
    }
  });

  it('refuses a $in of several sources (each costs O(its articles) until sources have an index)', async () => {
    const res = await get('/api/articles?filters[sources][slug][$in][0]=wire&filters[sources][slug][$in][1]=paper').expect(400);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'filters[sources][slug][$in] lists 2 slugs; at most 1 allowed: split the request',
        details: { parameter: 'filters[sources][slug][$in]', maxSlugs: 1, slugs: 2 },
      },
    });
  });
});
