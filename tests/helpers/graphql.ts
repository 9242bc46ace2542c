/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL and REST payloads compared loosely, field by field */
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { ndjson } from './import';
import type { TestAppHandle } from './test-app';

/** The GraphQL tests' content and calls: real HTTP requests from Node's fetch. */

export const SEED = 'us-led-coalition';
export const LARGE = 'archive-desk';
export const LARGE_SIZE = 120;
export const DRAFT_TITLE = 'Draft strike report, not for readers';

export interface GraphqlAnswer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions: { code: string; error?: any } }> };
}

export const codes = (answer: GraphqlAnswer) => (answer.body.errors ?? []).map((error) => error.extensions.code);

export const TERM_FIELDS = 'name slug description aliases articleCount metaTitle metaDescription noindex';
export const ARTICLE_FIELDS = `documentId title slug excerpt byline publishedAt updatedAt
  cover { url alternativeText width height formats mime size }
  tags { name slug } sources { name slug url }`;
export const PAGINATION_FIELDS = 'page pageSize pageCount total next';
export const TAG_PAGE = `query TagPage($slug: String!, $page: Int, $pageSize: Int, $after: String) {
  newsroomTagPage(slug: $slug, page: $page, pageSize: $pageSize, after: $after) {
    tag { ${TERM_FIELDS} } articles { ${ARTICLE_FIELDS} } pagination { ${PAGINATION_FIELDS} }
  }
}`;

export function graphqlClient(app: TestAppHandle) {
  return {
    async gql(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<GraphqlAnswer> {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GraphqlAnswer['body'] };
    },
    async rest(path: string) {
      const res = await fetch(`${app.url}${path}`);
      return { status: res.status, body: (await res.json()) as any };
    },
  };
}

/**
 * Beside the seed: a large tag (LARGE_SIZE articles, a third also under
 * "Third", the rest under "Other", half citing "Wire Service") and a draft
 * on the seed tag. Returns the draft's documentId.
 */
export async function addGraphqlContent(app: TestAppHandle): Promise<string> {
  const lines = Array.from({ length: LARGE_SIZE }, (_, i) => ({
    title: `Archive item ${String(i).padStart(3, '0')}`,
    body: `Item ${i} of the archive.`,
    tags: ['Archive desk', i % 3 === 0 ? 'Third' : 'Other'],
    sources: i % 2 === 0 ? ['Wire Service'] : [],
    publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));
  await app.importer().importDocument(ndjson(lines), { fileName: 'archive.ndjson' });
  const seedTag = await app.documents(UIDS.tag).findFirst({ filters: { slug: SEED } });
  return (await app.documents(UIDS.article).create({ data: { title: DRAFT_TITLE, tags: [seedTag!.id] } })).documentId;
}
