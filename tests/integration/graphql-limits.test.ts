/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL and REST payloads compared loosely */
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { addGraphqlContent, codes, DRAFT_TITLE, graphqlClient, SEED, TAG_PAGE } from '../helpers/graphql';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * GraphQL (/graphql): Strapi's generated queries serve published content
 * only, within the REST cost policy and the depth and breadth limits;
 * mutations follow the REST permissions.
 */

const app = useTestApp({ imports: [SEED_FILE], listen: true });
const { gql, rest } = graphqlClient(app);
let draftId: string;

beforeAll(async () => {
  draftId = await addGraphqlContent(app);
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
