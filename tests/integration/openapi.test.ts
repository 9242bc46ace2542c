/* eslint-disable @typescript-eslint/no-explicit-any -- an OpenAPI document read loosely */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@strapi/openapi';
import { openapiDocument } from '../../src/lib/openapi-document';
import { tagPageResponseSchema } from '../../src/plugins/newsroom/server/src/validation/responses';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * The OpenAPI document of the REST API (`npm run openapi`, Strapi's own
 * generator) is committed for frontends to generate typed
 * clients from: it must be what the routes declare now.
 */

const COMMITTED = path.resolve(__dirname, '..', '..', 'openapi', 'content-api.json');
const app = useTestApp({ imports: [SEED_FILE] });
const documentNow = () => openapiDocument(JSON.parse(JSON.stringify(generate(app.strapi, { type: 'content-api' }).document))) as any;

it('the committed document is current (run `npm run openapi` after changing a route)', () => {
  expect(documentNow()).toEqual(JSON.parse(fs.readFileSync(COMMITTED, 'utf8')));
});

it("documents the plugin's routes with their parameters and answers", () => {
  const { paths } = documentNow();
  const tagPage = paths['/newsroom/tags/{slug}'].get;
  expect(tagPage.parameters.map((p: any) => [p.name, p.in])).toEqual(
    expect.arrayContaining([['slug', 'path'], ['page', 'query'], ['pageSize', 'query'], ['after', 'query']]),
  );
  const answer = tagPage.responses['200'].content['application/json'].schema;
  expect(JSON.stringify(answer)).toContain('articleCount');
  for (const route of ['/newsroom/tags', '/newsroom/sources/{slug}', '/newsroom/tags/{slug}/related', '/newsroom/redirects']) {
    expect({ route, documented: Boolean(paths[route]?.get?.responses?.['200']) }).toEqual({ route, documented: true });
  }
});

it('the response schema the document is made from describes what the route answers', async () => {
  const res = await app.get('/api/newsroom/tags/us-led-coalition').expect(200);
  expect(tagPageResponseSchema.safeParse(res.body).error).toBeUndefined();
  // Strict: a field the schema does not know fails.
  expect(tagPageResponseSchema.safeParse({ ...res.body, extra: 1 }).success).toBe(false);
});
