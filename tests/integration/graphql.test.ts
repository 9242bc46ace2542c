/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL and REST payloads compared loosely, field by field */
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { ndjson, SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * GraphQL (/graphql, @strapi/plugin-graphql): the newsroom's queries answer
 * exactly what the REST routes answer; Strapi's generated queries serve
 * published content only, within the REST cost policy; mutations follow the
 * REST permissions. Every request is a real HTTP request from Node's fetch.
 */

const SEED = 'us-led-coalition';
const LARGE = 'archive-desk';
const LARGE_SIZE = 120;

const app = useTestApp({ imports: [SEED_FILE], listen: true });

interface GraphqlAnswer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions: { code: string; error?: any } }> };
}

async function gql(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<GraphqlAnswer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphqlAnswer['body'] };
}

const rest = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};
const codes = (answer: GraphqlAnswer) => (answer.body.errors ?? []).map((error) => error.extensions.code);

const TERM_FIELDS = 'name slug description aliases articleCount metaTitle metaDescription noindex';
const ARTICLE_FIELDS = `documentId title slug excerpt byline publishedAt updatedAt
  cover { url alternativeText width height formats mime size }
  tags { name slug } sources { name slug url }`;
const PAGINATION_FIELDS = 'page pageSize pageCount total next';
const TAG_PAGE = `query TagPage($slug: String!, $page: Int, $pageSize: Int, $after: String) {
  newsroomTagPage(slug: $slug, page: $page, pageSize: $pageSize, after: $after) {
    tag { ${TERM_FIELDS} } articles { ${ARTICLE_FIELDS} } pagination { ${PAGINATION_FIELDS} }
  }
}`;

let draftId: string;
const DRAFT_TITLE = 'Draft strike report, not for readers';

beforeAll(async () => {
  const lines = Array.from({ length: LARGE_SIZE }, (_, i) => ({
    title: `Archive item ${String(i).padStart(3, '0')}`,
    body: `Item ${i} of the archive.`,
    tags: ['Archive desk', i % 3 === 0 ? 'Third' : 'Other'],
    sources: i % 2 === 0 ? ['Wire Service'] : [],
    publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));
  await app.importer().importDocument(ndjson(lines), { fileName: 'archive.ndjson' });
  const seedTag = await app.documents(UIDS.tag).findFirst({ filters: { slug: SEED } });
  draftId = (await app.documents(UIDS.article).create({ data: { title: DRAFT_TITLE, tags: [seedTag!.id] } })).documentId;
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

  it('a publish shows on the next GraphQL read (the response cache is invalidated as for REST)', async () => {
    const before = (await gql(TAG_PAGE, { slug: SEED, pageSize: 1 })).body.data.newsroomTagPage;
    const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: SEED } });
    const fresh = await app.documents(UIDS.article).create({ data: { title: 'Breaking: a new strike', tags: [tag!.id] }, status: 'published' });
    const after = (await gql(TAG_PAGE, { slug: SEED, pageSize: 1 })).body.data.newsroomTagPage;
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
    expect(stock.headers.get('cache-control')).not.toMatch(/public/);
    expect((await fetch(url())).status).toBe(400);
  });
});

describe("Strapi's generated queries: published only, within the cost policy", () => {
  it('never a draft, in any query path', async () => {
    const list = await gql('{ articles(pagination: { pageSize: 100 }, filters: { title: { eq: "Draft strike report, not for readers" } }) { title } }');
    expect(list.body.data.articles).toEqual([]);
    const connection = await gql(`{ articles_connection(filters: { documentId: { eq: "${draftId}" } }) { nodes { title } pageInfo { total } } }`);
    expect(connection.body.data.articles_connection).toEqual({ nodes: [], pageInfo: { total: 0 } });
    const one = await gql(`{ article(documentId: "${draftId}") { title } }`);
    expect(one.body.data.article).toBeNull();
    const page = await gql(TAG_PAGE, { slug: SEED, pageSize: 100 });
    expect(page.body.data.newsroomTagPage.articles.map((a: any) => a.title)).not.toContain(DRAFT_TITLE);
  });

  it.each([
    ['articles(status: DRAFT) { title }', 'status'],
    [`article(documentId: "x", status: DRAFT) { title }`, 'status'],
    ['articles(status: PUBLISHED) { title }', 'status'],
    ['articles(publicationFilter: NEVER_PUBLISHED) { title }', 'publicationFilter'],
    ['articles(hasPublishedVersion: false) { title }', 'hasPublishedVersion'],
    ['tags(status: DRAFT) { name }', 'status'],
  ])('%s is refused before it runs', async (selection, argument) => {
    const answer = await gql(`{ ${selection} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors![0].message).toContain(`"${argument}" argument is not served`);
  });

  it('the status argument is refused when it arrives through a variable or a fragment too', async () => {
    const viaVariable = await gql('query ($s: PublicationStatus) { articles(status: $s) { title } }', { s: 'DRAFT' });
    expect(viaVariable.status).toBe(400);
    const viaFragment = await gql('query { ...drafts } fragment drafts on Query { articles(status: DRAFT) { title } }');
    expect(viaFragment.status).toBe(400);
  });

  it('a 7-level nested query is refused; six levels pass the depth limit, and a tag\'s articles are refused with the query that pages them', async () => {
    const seven = await gql('{ articles { tags { articles { tags { articles { tags { name } } } } } } }');
    expect(seven.status).toBe(400);
    expect(seven.body.errors![0].message).toMatch(/exceeds maximum operation depth/);

    const six = await gql('{ articles { tags { articles { tags { articles { title } } } } } }');
    expect(six.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(six.body.errors![0].message).toContain('Tag.articles grows with the archive and is not served: use newsroomTagPage');
  });

  it('at most 100 rows a list, 25 by default, as on REST', async () => {
    const big = await gql('{ articles(pagination: { pageSize: 1000 }) { documentId } }');
    expect(big.body.data.articles).toHaveLength(100);
    const plain = await gql('{ articles { documentId } }');
    expect(plain.body.data.articles).toHaveLength(25);
  });

  it('too many lists in one operation (aliases) are refused', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: tags(pagination: { pageSize: 1 }) { name }`).join(' ');
    const answer = await gql(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0].message).toContain('at most 20 are served');
  });

  it.each([
    ['articles(filters: { title: { containsi: "strike" } }) { title }', '/api/articles?filters[title][$containsi]=strike'],
    ['articles(pagination: { start: 20000, limit: 10 }) { title }', '/api/articles?pagination[start]=20000&pagination[limit]=10'],
    ['articles(sort: "excerpt:asc") { title }', '/api/articles?sort=excerpt:asc'],
    ['tags(filters: { articles: { title: { eq: "x" } } }) { name }', '/api/tags?filters[articles][title][$eq]=x'],
    ['articles(filters: { tags: { name: { eq: "Third" } } }) { title }', '/api/articles?filters[tags][name][$eq]=Third'],
  ])('%s is refused with the REST message', async (selection, path) => {
    const expected = await rest(path);
    expect(expected.status).toBe(400);
    const answer = await gql(`{ ${selection} }`);
    expect(answer.body.errors).toEqual([expect.objectContaining({ message: expected.body.error.message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('the indexed tag filter is served, as on REST', async () => {
    const answer = await gql(`{ articles(filters: { tags: { slug: { eq: "third" } } }, pagination: { pageSize: 100 }) { title } }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.articles).toHaveLength(40);
  });
});

describe('mutations follow the REST permissions', () => {
  it('an anonymous create, update or delete is refused and writes nothing', async () => {
    const count = () => app.strapi.db.query(UIDS.tag).count();
    const before = await count();
    const created = await gql('mutation { createTag(data: { name: "Anonymous tag" }) { name } }');
    expect(codes(created)).toEqual(['FORBIDDEN']);
    const someTag = await app.documents(UIDS.tag).findFirst({});
    const deleted = await gql(`mutation { deleteTag(documentId: "${someTag!.documentId}") { documentId } }`);
    expect(codes(deleted)).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);
  });

  it('register is refused while reader registration is off (as POST /api/auth/local/register), sign-in is open', async () => {
    const users = () => app.strapi.db.query('plugin::users-permissions.user').count();
    const before = await users();
    const registered = await gql('mutation { register(input: { username: "mallory", email: "mallory@example.com", password: "Secret123!" }) { jwt } }');
    expect(codes(registered)).toEqual(['FORBIDDEN']);
    const restRegister = await fetch(`${app.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory', email: 'mallory@example.com', password: 'Secret123!' }),
    });
    expect(restRegister.status).toBe(403);
    expect(await users()).toBe(before);

    await app.readerToken('graphql-reader');
    const login = await gql('mutation { login(input: { identifier: "graphql-reader@newsroom.test", password: "Reader-test-1" }) { jwt user { username } } }');
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.login.user.username).toBe('graphql-reader');
    const forgot = await gql('mutation { forgotPassword(email: "graphql-reader@newsroom.test") { ok } }');
    expect(codes(forgot)).toEqual(['FORBIDDEN']);
  });

  it('a full-access API token writes through GraphQL, through the same rules as every writer', async () => {
    const token = (await app.strapi.service('admin::api-token').create({ name: 'graphql-writer', type: 'full-access', lifespan: null })).accessKey as string;
    const created = await gql('mutation { createTag(data: { name: "Written Over GraphQL" }) { name slug } }', {}, token);
    expect(created.body.data.createTag).toEqual({ name: 'Written Over GraphQL', slug: 'written-over-graphql' });
  });
});
