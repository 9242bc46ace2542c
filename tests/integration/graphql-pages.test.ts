/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL and REST payloads compared loosely, field by field */
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { addGraphqlContent, ARTICLE_FIELDS, codes, DRAFT_TITLE, graphqlClient, LARGE, LARGE_SIZE, PAGINATION_FIELDS, SEED, TAG_PAGE, TERM_FIELDS } from '../helpers/graphql';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * GraphQL (/graphql): the newsroom's queries answer exactly what the REST
 * routes answer, through the same response cache; a GET of them is
 * cacheable as the REST pages are.
 */

const app = useTestApp({ imports: [SEED_FILE], listen: true });
const { gql, rest } = graphqlClient(app);

beforeAll(async () => {
  await addGraphqlContent(app);
});

describe('newsroom queries answer what REST answers', () => {
  it.each([{}, { page: 2, pageSize: 3 }])('the seed tag page %j, field by field', async (args) => {
    const query = new URLSearchParams(Object.entries(args).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const expected = await rest(`/api/newsroom/tags/${SEED}${query ? `?${query}` : ''}`);
    const answer = await gql(TAG_PAGE, { slug: SEED, ...args });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const page = answer.body.data.newsroomTagPage;
    expect(page.tag).toEqual(expected.body.data.tag);
    expect(page.articles).toEqual(expected.body.data.articles);
    expect(page.pagination).toEqual(expected.body.meta.pagination);
    expect(page.articles.length).toBeGreaterThan(0);
    expect(page.articles.map((a: any) => a.title)).not.toContain(DRAFT_TITLE);
  });

  it('a cursor walk over a large tag: the same pages, every article once', async () => {
    let after: string | null = null;
    const seen: string[] = [];
    for (let pages = 0; pages < 20; pages += 1) {
      const expected = await rest(`/api/newsroom/tags/${LARGE}?pageSize=25${after ? `&after=${after}` : ''}`);
      const answer = await gql(TAG_PAGE, { slug: LARGE, pageSize: 25, ...(after ? { after } : {}) });
      const page = answer.body.data.newsroomTagPage;
      expect(page.articles).toEqual(expected.body.data.articles);
      expect(page.pagination).toEqual(expected.body.meta.pagination);
      seen.push(...page.articles.map((a: any) => a.documentId));
      after = page.pagination.next;
      if (!after) break;
    }
    expect(seen).toHaveLength(LARGE_SIZE);
    expect(new Set(seen).size).toBe(LARGE_SIZE);
  });

  it('the source page, the tag and source lists, related tags', async () => {
    const source = await gql(`{ newsroomSourcePage(slug: "wire-service", pageSize: 5) { source { ${TERM_FIELDS} url } articles { ${ARTICLE_FIELDS} } pagination { ${PAGINATION_FIELDS} } } }`);
    const sourceRest = await rest('/api/newsroom/sources/wire-service?pageSize=5');
    expect(source.body.data.newsroomSourcePage).toEqual({
      source: sourceRest.body.data.source,
      articles: sourceRest.body.data.articles,
      pagination: sourceRest.body.meta.pagination,
    });

    const tags = await gql(`{ newsroomTags(sort: name, pageSize: 2, page: 2) { tags { ${TERM_FIELDS} } pagination { page pageSize pageCount total } } }`);
    const tagsRest = await rest('/api/newsroom/tags?sort=name&pageSize=2&page=2');
    expect(tags.body.data.newsroomTags).toEqual({ tags: tagsRest.body.data, pagination: tagsRest.body.meta.pagination });

    const found = await gql(`{ newsroomSources(q: "wire") { sources { slug url } } }`);
    expect(found.body.data.newsroomSources.sources).toEqual([{ slug: 'wire-service', url: null }]);

    const related = await gql(`{ newsroomRelatedTags(slug: "${LARGE}", limit: 5) { tag { slug articleCount } related { name slug sharedArticles } } }`);
    const relatedRest = await rest(`/api/newsroom/tags/${LARGE}/related?limit=5`);
    expect(related.body.data.newsroomRelatedTags).toEqual({
      tag: { slug: LARGE, articleCount: LARGE_SIZE },
      related: relatedRest.body.data,
    });
    expect(relatedRest.body.data.map((t: any) => [t.slug, t.sharedArticles])).toEqual([
      ['other', 80],
      ['third', 40],
    ]);
  });

  it('errors: an unknown slug is NOT_FOUND, bad arguments BAD_USER_INPUT, never an internal error', async () => {
    const missing = await gql(TAG_PAGE, { slug: 'no-such-tag' });
    expect(missing.status).toBe(200);
    expect(missing.body.data.newsroomTagPage).toBeNull();
    expect(missing.body.errors).toEqual([expect.objectContaining({ message: 'No tag with slug "no-such-tag"', extensions: expect.objectContaining({ code: 'STRAPI_NOT_FOUND_ERROR' }) })]);

    for (const args of [{ pageSize: 1000 }, { page: 0 }, { page: 2, after: 'x' }, { after: 'not-a-cursor' }, { page: 999 }]) {
      const bad = await gql(TAG_PAGE, { slug: SEED, ...args });
      expect({ args, codes: codes(bad) }).toEqual({ args, codes: ['BAD_USER_INPUT'] });
    }
    const badQ = await gql('{ newsroomTags(q: "   ") { tags { slug } } }');
    expect(codes(badQ)).toEqual(['BAD_USER_INPUT']);
  });

  it('a whole answer is cached: the second costs no query, and a publish shows on the next read', async () => {
    const queries: string[] = [];
    // What a page is read from (the content, its index, the roles' permissions); the change outbox's
    // dispatcher runs meanwhile on its own clock (the writes of beforeAll), reading other tables.
    const pageData = /articles|tags|sources|newsroom_tag_|newsroom_source_|newsroom_term_names|up_permissions/i;
    const onQuery = (query: { sql: string }) => (pageData.test(query.sql) ? queries.push(query.sql) : undefined);
    const first = await gql(TAG_PAGE, { slug: SEED, pageSize: 1 });
    expect(first.headers.get('x-newsroom-cache')).toBe('miss');
    app.strapi.db.connection.on('query', onQuery);
    const second = await gql(TAG_PAGE, { slug: SEED, pageSize: 1 });
    app.strapi.db.connection.off('query', onQuery);
    expect(second.headers.get('x-newsroom-cache')).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(queries).toEqual([]);
    // Another caller's rights are checked on a hit too: a token without the permission is refused.
    const token = (await app.strapi.service('admin::api-token').create({ name: 'no-tag-pages', type: 'custom', lifespan: null, permissions: [`${UIDS.tag}.find`] })).accessKey as string;
    const refused = await gql(TAG_PAGE, { slug: SEED, pageSize: 1 }, token);
    expect(codes(refused)).toEqual(['FORBIDDEN']);

    const before = first.body.data.newsroomTagPage;
    const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: SEED } });
    const fresh = await app.documents(UIDS.article).create({ data: { title: 'Breaking: a new strike', tags: [tag!.id] }, status: 'published' });
    const afterPublish = await gql(TAG_PAGE, { slug: SEED, pageSize: 1 });
    expect(afterPublish.headers.get('x-newsroom-cache')).toBe('miss');
    const after = afterPublish.body.data.newsroomTagPage;
    expect(after.articles[0].documentId).toBe(fresh.documentId);
    expect(after.tag.articleCount).toBe(before.tag.articleCount + 1);
    await app.documents(UIDS.article).delete({ documentId: fresh.documentId });
  });
});

describe('GET /graphql of newsroom queries: cacheable as the REST pages', () => {
  const url = () => `${app.url}/graphql?query=${encodeURIComponent(`{ newsroomTagPage(slug: "${SEED}", pageSize: 2) { articles { title } } }`)}`;
  // Apollo's CSRF guard: a GET must carry a header a plain form cannot.
  const PREFLIGHT = { 'apollo-require-preflight': 'true' };

  it('ETag, 304, max-age and the cache tags a webhook purges by', async () => {
    const first = await fetch(url(), { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('surrogate-key')!.split(' ')).toEqual(expect.arrayContaining([`tag:${SEED}`]));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    const again = await fetch(url(), { headers: { ...PREFLIGHT, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('not for a stock query, nor without the preflight header', async () => {
    const stock = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ tags { name } }')}`, { headers: PREFLIGHT });
    expect(stock.status).toBe(200);
    expect(stock.headers.get('etag')).toBeNull();
    expect(stock.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(url())).status).toBe(400);
  });
});
