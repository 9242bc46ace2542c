import { openapiDocument, openapiPath } from '../../src/lib/openapi-document';

describe('openapiPath', () => {
  it.each([
    ['/newsroom/tags/{slug.txt}', '/newsroom/tags/{slug}.txt'],
    ['/newsroom/sitemap-articles-{n.xml}', '/newsroom/sitemap-articles-{n}.xml'],
    ['/newsroom/tags/{slug}/feed.xml', '/newsroom/tags/{slug}/feed.xml'],
    ['/articles/{id}', '/articles/{id}'],
  ])('%s -> %s', (generated, fixed) => expect(openapiPath(generated)).toBe(fixed));

  it("drops publishedAt's default, the moment the generator ran", () => {
    const schema = { properties: { publishedAt: { type: 'string', default: '2026-12-03T16:23:48.472Z' }, title: { type: 'string', default: 'x' } } };
    expect(openapiDocument({ paths: {}, components: { schemas: { Article: schema } } })).toEqual({
      paths: {},
      components: { schemas: { Article: { properties: { publishedAt: { type: 'string' }, title: { type: 'string', default: 'x' } } } } },
    });
  });

  it('keeps everything but the paths', () => {
    const doc = { openapi: '3.1.0', paths: { '/a/{b.txt}': { get: {} } } };
    expect(openapiDocument(doc)).toEqual({ openapi: '3.1.0', paths: { '/a/{b}.txt': { get: {} } } });
  });
});
