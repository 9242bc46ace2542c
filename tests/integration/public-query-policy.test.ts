import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { useTestApp } from '../helpers/test-app';

/**
 * The cost policy of Strapi's stock content API (lib/query-policy), as an
 * anonymous client and a signed-in reader meet it: each refused shape is a
 * 400 in Strapi's error shape naming the parameter (and the alternative where
 * there is one), the same on SQLite and PostgreSQL, and what frontends do
 * every day is served as stock Strapi serves it.
 */
const app = useTestApp();
let reader: string;
const ARTICLES = 30;

const get = (url: string, jwt?: string) => {
  const req = app.get(url);
  return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
};

beforeAll(async () => {
  reader = (await app.readerToken()).jwt;
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Policy' } });
  const source = await app.documents(UIDS.source).create({ data: { name: 'Policy wire' } });
  for (let i = 0; i < ARTICLES; i += 1) {
    await app.documents(UIDS.article).create({
      data: { title: `Policy ${String(i).padStart(2, '0')}`, tags: [tag.documentId], sources: [source.documentId] },
      status: 'published',
    });
  }
});

describe('pagination as issue #11 found it', () => {
  it.each([
    ['pagination[start]=99999999999999999999', 'pagination[start]'],
    ['pagination[page]=99999999999999999999', 'pagination[page]'],
    ['pagination[page]=1e30', 'pagination[page]'],
    ['pagination[page]=-1', 'pagination[page]'],
    ['pagination[page]=abc', 'pagination[page]'],
    ['pagination[pageSize]=0', 'pagination[pageSize]'],
    ['pagination[limit]=-2', 'pagination[limit]'],
  ])('?%s is a 400 naming %s', async (query, param) => {
    const res = await get(`/api/articles?${query}`).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', details: { param } } });
    expect(res.body.error.message).toMatch(new RegExp(`^${param.replace(/[[\]]/g, '\\$&')}: `));
    expect(res.body.error.message).not.toMatch(/convertStartQueryParams|NaN/);
  });

  it('serves limit=-1 as "as many as allowed", not one row', async () => {
    const res = await get('/api/articles?pagination[limit]=-1&fields[0]=title').expect(200);
    expect(res.body.data).toHaveLength(ARTICLES);
    expect(res.body.meta.pagination).toEqual({ start: 0, limit: 100, total: ARTICLES });
  });

  it('serves the deepest page allowed, and an empty page past the last', async () => {
    const last = await get('/api/articles?pagination[page]=3&pagination[pageSize]=10&sort=title:asc').expect(200);
    expect(last.body.data.map((a: { title: string }) => a.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Policy ${20 + i}`));
    const past = await get('/api/articles?pagination[page]=1000&pagination[pageSize]=10').expect(200);
    expect(past.body.data).toEqual([]);
    await get('/api/articles?pagination[page]=1001&pagination[pageSize]=10').expect(400);
  });
});

describe('refused shapes, for anonymous and signed-in readers alike', () => {
  it.each([
    ['/api/tags?populate[articles][populate]=*', 'populate[articles]', '/api/newsroom/tags/:slug'],
    ['/api/tags?populate=*', 'populate', '/api/newsroom/tags/:slug'],
    ['/api/sources?populate[articles][populate]=*', 'populate[articles]', 'filters[sources][slug][$eq]'],
    ['/api/articles?populate[tags][populate][articles]=true', 'populate[tags][populate][articles]', '/api/newsroom/tags/:slug'],
    ['/api/tags?filters[articles][sources][name][$eq]=Policy%20wire&pagination[pageSize]=10', 'filters[articles]', '/api/newsroom/tags/:slug'],
    ['/api/articles?filters[body][$containsi]=nowhere&pagination[pageSize]=10', 'filters[body]', undefined],
    ['/api/articles?filters[title][$containsi]=nowhere', 'filters[title][$containsi]', '$eq'],
    ['/api/articles?sort=title:desc&pagination[page]=5000&pagination[pageSize]=10', 'pagination[page]', 'filters[id][$gt]'],
    ['/api/articles?filters[tags][name][$eq]=Policy', 'filters[tags]', undefined],
    ['/api/articles?sort=tags.name:asc', 'sort', undefined],
    ['/api/articles?sort=body:asc', 'sort', undefined],
    ['/api/articles?_q=policy', '_q', undefined],
  ])('%s', async (url, param, alternative) => {
    for (const jwt of [undefined, reader]) {
      const res = await get(url, jwt).expect(400);
      expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError', details: { param } });
      if (alternative) expect(res.body.error.details.alternative).toContain(alternative);
    }
  });

  it('on findOne too', async () => {
    const [tag] = (await get('/api/tags').expect(200)).body.data;
    const res = await get(`/api/tags/${tag.documentId}?populate=articles`).expect(400);
    expect(res.body.error.details.param).toBe('populate');
  });
});

describe('what frontends do every day', () => {
  it('a list of articles with their tags and sources, newest first', async () => {
    const res = await get(
      '/api/articles?populate[tags][fields][0]=name&populate[sources][fields][0]=name&sort=publishedAt:desc&pagination[pageSize]=10',
    ).expect(200);
    expect(res.body.data).toHaveLength(10);
    expect(res.body.data[0]).toMatchObject({ title: 'Policy 29', tags: [{ name: 'Policy' }], sources: [{ name: 'Policy wire' }] });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 3, total: ARTICLES });
  });

  it('an article by slug, a tag search, keyset pages', async () => {
    const one = await get('/api/articles?filters[slug][$eq]=policy-07&populate=*').expect(200);
    expect(one.body.data.map((a: { title: string }) => a.title)).toEqual(['Policy 07']);
    const tags = await get('/api/tags?filters[name][$containsi]=pol&sort=name').expect(200);
    expect(tags.body.data.map((t: { name: string }) => t.name)).toEqual(['Policy']);
    const first = await get('/api/articles?sort=id:asc&pagination[pageSize]=20&fields[0]=title').expect(200);
    const lastId = first.body.data.at(-1).id;
    const next = await get(`/api/articles?sort=id:asc&filters[id][$gt]=${lastId}&pagination[pageSize]=20&fields[0]=title`).expect(200);
    expect(next.body.data).toHaveLength(ARTICLES - 20);
  });
});
