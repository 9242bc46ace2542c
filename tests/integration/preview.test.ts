/* eslint-disable @typescript-eslint/no-explicit-any -- payloads read back loosely */
import { PREVIEW_ACTION, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { useTestApp } from '../helpers/test-app';

/*
 * Preview: the Content Manager's Preview button opens the frontend with a
 * secret, and the frontend reads drafts with an API token that holds the
 * preview permission. Every other reader gets published versions only.
 */

const PREVIEW_URL = 'https://www.example.com/api/preview';
const SECRET = 'preview-secret';

const app = useTestApp({ listen: true, env: { NEWSROOM_PREVIEW_URL: PREVIEW_URL, NEWSROOM_PREVIEW_SECRET: SECRET } });

let previewToken: string;
let findOnlyToken: string;
let fullAccessToken: string;
let published: string;
let draftOnly: string;
let tagId: string;

const token = async (name: string, type: 'custom' | 'full-access', permissions: string[] = []) =>
  (await app.strapi.service('admin::api-token').create({ name, type, lifespan: null, ...(type === 'custom' ? { permissions } : {}) })).accessKey as string;

const read = async (path: string, bearer?: string) => {
  const res = await fetch(`${app.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), cache: res.headers.get('x-newsroom-cache'), body: (await res.json()) as any };
};
const titles = (body: any): string[] => body.data.map((a: any) => a.title).sort();

beforeAll(async () => {
  const READS = [`${UIDS.article}.find`, `${UIDS.article}.findOne`, 'plugin::newsroom.tag-pages.findOne'];
  previewToken = await token('frontend-preview', 'custom', [...READS, PREVIEW_ACTION]);
  findOnlyToken = await token('frontend-reader', 'custom', READS);
  fullAccessToken = await token('backoffice', 'full-access');

  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Preview desk' } });
  tagId = tag.documentId;
  const articles = app.documents(UIDS.article);
  published = (await articles.create({ data: { title: 'Published story', tags: [tag.id] }, status: 'published' })).documentId;
  await articles.update({ documentId: published, data: { title: 'Published story (edited draft)' } });
  draftOnly = (await articles.create({ data: { title: 'Story not published yet', tags: [tag.id] } })).documentId;
});

describe('the preview permission', () => {
  it('is never the Public or Authenticated role\'s', async () => {
    const rows = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { action: PREVIEW_ACTION } });
    expect(rows).toEqual([]);
    expect((await read('/api/newsroom/preview')).status).toBe(403);
    expect((await read('/api/newsroom/preview', (await app.readerToken('preview-reader')).jwt)).status).toBe(403);
    expect((await read('/api/newsroom/preview', findOnlyToken)).status).toBe(403);
  });

  it('answers a token that holds it, uncacheable', async () => {
    const res = await read('/api/newsroom/preview', previewToken);
    expect(res).toMatchObject({ status: 200, cacheControl: 'private, no-store', body: { data: { drafts: true } } });
  });
});

describe('GET /api/articles?status=draft', () => {
  it('serves drafts (and draft edits) to the preview token only, marked uncacheable', async () => {
    const drafts = await read('/api/articles?status=draft', previewToken);
    expect(drafts.status).toBe(200);
    expect(titles(drafts.body)).toEqual(['Published story (edited draft)', 'Story not published yet']);
    expect(drafts.cacheControl).toBe('private, no-store');
    const one = await read(`/api/articles/${draftOnly}?status=draft`, previewToken);
    expect(one.body.data.title).toBe('Story not published yet');
  });

  it('serves published versions to everyone else, whatever they ask', async () => {
    for (const bearer of [undefined, findOnlyToken, fullAccessToken, (await app.readerToken('draft-asker')).jwt]) {
      const res = await read('/api/articles?status=draft', bearer);
      expect(res.status).toBe(200);
      expect(titles(res.body)).toEqual(['Published story']);
      expect(res.cacheControl).not.toBe('private, no-store');
    }
    expect((await read(`/api/articles/${draftOnly}?status=draft`)).status).toBe(404);
  });
});

describe('GET /api/newsroom/tags/:slug?status=draft', () => {
  it('previews the page with every draft, last edited first, never cached', async () => {
    const res = await read('/api/newsroom/tags/preview-desk?status=draft', previewToken);
    expect(res.status).toBe(200);
    expect(res.body.data.articles.map((a: any) => [a.title, a.publishedAt])).toEqual([
      ['Story not published yet', null],
      ['Published story (edited draft)', null],
    ]);
    expect(res.body.data.tag).toMatchObject({ name: 'Preview desk', articleCount: 1 });
    expect(res.body.meta).toEqual({ pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 }, preview: true });
    expect(res.cacheControl).toBe('private, no-store');
    expect(res.cache).toBeNull();
  });

  it('refuses everyone else, and leaves the public page as it was', async () => {
    const refused = await read('/api/newsroom/tags/preview-desk?status=draft');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/preview permission/);
    expect((await read('/api/newsroom/tags/preview-desk?status=draft', findOnlyToken)).status).toBe(403);
    const page = await read('/api/newsroom/tags/preview-desk');
    expect(page.body.data.articles.map((a: any) => a.title)).toEqual(['Published story']);
    const text = await fetch(`${app.url}/api/newsroom/tags/preview-desk.txt?status=draft`);
    expect(text.status).toBe(400);
  });
});

describe("the edit view's Preview button", () => {
  it('opens the frontend with the secret, the type, the slug and the version shown', async () => {
    const admin = await app.superAdminToken();
    const urlOf = async (uid: string, documentId: string, status?: string) => {
      const res = await app
        .request()
        .get(`/content-manager/preview/url/${uid}`)
        .query({ documentId, ...(status ? { status } : {}) })
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      return new URL(res.body.data.url);
    };
    const draft = await urlOf(UIDS.article, draftOnly, 'draft');
    expect(`${draft.origin}${draft.pathname}`).toBe(PREVIEW_URL);
    expect(Object.fromEntries(draft.searchParams)).toEqual({
      secret: SECRET,
      type: 'article',
      slug: 'story-not-published-yet',
      documentId: draftOnly,
      status: 'draft',
    });
    expect((await urlOf(UIDS.article, published, 'published')).searchParams.get('slug')).toBe('published-story');
    const tag = await urlOf(UIDS.tag, tagId);
    expect([tag.searchParams.get('type'), tag.searchParams.get('slug')]).toEqual(['tag', 'preview-desk']);
  });
});
