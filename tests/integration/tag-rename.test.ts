import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

// Slug history, whatever the writer: a tag renamed through the Document
// Service, REST with an API token, the Content Manager or the Tags page's
// route leaves a redirect on every public route; chains collapse, a rename
// back removes the loop, a slug taken again stops redirecting, a deleted tag
// answers 410. Articles keep their history too.

const app = useTestApp();
const tags = () => app.documents(UIDS.tag);
const articles = () => app.documents(UIDS.article);
const ROUTES = ['', '.txt', '/feed.xml', '/feed.atom', '/related'];

let token: string;
const admin = (method: 'get' | 'put' | 'post' | 'delete', path: string) => app.request()[method](path).set('Authorization', `Bearer ${token}`);

async function slugOf(documentId: string): Promise<string> {
  return (await tags().findOne({ documentId }))!.slug;
}

async function redirectRows(): Promise<Array<{ type: string; from: string; to: string | null; status: number }>> {
  return (await app.get('/api/newsroom/redirects').expect(200)).body.data;
}

beforeAll(async () => {
  token = await app.superAdminToken();
});

describe('a renamed tag', () => {
  let tagId: string;
  beforeAll(async () => {
    tagId = (await tags().create({ data: { name: 'Coalition (US)' } })).documentId;
    await articles().create({ data: { title: 'Strike on the bridge', body: paragraphs('Text. '.repeat(30)), tags: [tagId] }, status: 'published' });
    await tags().update({ documentId: tagId, data: { name: 'US-led coalition', slug: 'us-led-coalition' } });
  });

  it('redirects every public route of its old slug, suffix and query kept, with a bounded max-age', async () => {
    const origin = String(app.strapi.config.get('server.absoluteUrl'));
    for (const suffix of ROUTES) {
      const res = await app.get(`/api/newsroom/tags/coalition-us${suffix}?page=1&pageSize=5`).expect(301);
      expect(res.headers.location).toBe(`${origin}/api/newsroom/tags/us-led-coalition${suffix}?page=1&pageSize=5`);
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.headers['surrogate-key']).toContain('tag:coalition-us');
      await app.get(`/api/newsroom/tags/us-led-coalition${suffix}`).expect(200);
    }
    const after = await app.get('/api/newsroom/tags/us-led-coalition').expect(200);
    const cursor = after.body.meta.pagination.next ?? 'abc';
    expect((await app.get(`/api/newsroom/tags/coalition-us?after=${cursor}`).expect(301)).headers.location).toContain(`us-led-coalition?after=${cursor}`);
  });

  it('keeps its former name as an alias and lists the redirect for frontends', async () => {
    expect((await tags().findOne({ documentId: tagId }))!.aliases).toEqual(['Coalition (US)']);
    expect(await redirectRows()).toContainEqual({ type: 'tag', from: 'coalition-us', to: 'us-led-coalition', status: 301 });
  });

  it('collapses chains and removes the loop of a rename back', async () => {
    await tags().update({ documentId: tagId, data: { slug: 'coalition' } });
    let rows = (await redirectRows()).filter((row) => row.type === 'tag');
    expect(rows).toEqual(
      expect.arrayContaining([
        { type: 'tag', from: 'coalition-us', to: 'coalition', status: 301 },
        { type: 'tag', from: 'us-led-coalition', to: 'coalition', status: 301 },
      ]),
    );
    // The chain is one hop, not two.
    expect((await app.get('/api/newsroom/tags/coalition-us.txt').expect(301)).headers.location).toMatch(/\/tags\/coalition\.txt$/);

    await tags().update({ documentId: tagId, data: { slug: 'us-led-coalition' } });
    rows = (await redirectRows()).filter((row) => row.type === 'tag');
    expect(rows.map((row) => row.from).sort()).toEqual(['coalition', 'coalition-us']);
    expect(rows.every((row) => row.to === 'us-led-coalition')).toBe(true);
    await app.get('/api/newsroom/tags/us-led-coalition').expect(200);
  });

  it('stops redirecting a slug another tag takes', async () => {
    const other = await tags().create({ data: { name: 'Coalition', slug: 'coalition' } });
    await app.get('/api/newsroom/tags/coalition').expect(200);
    expect((await redirectRows()).some((row) => row.from === 'coalition')).toBe(false);
    await tags().delete({ documentId: other.documentId });
  });
});

describe('writers other than the Document Service call', () => {
  it('REST with an API token leaves the same redirect', async () => {
    const { accessKey } = await app.strapi.service('admin::api-token').create({ name: 'frontend-editor', type: 'full-access', lifespan: null });
    const tag = await tags().create({ data: { name: 'Wire agencies' } });
    await app
      .request()
      .put(`/api/tags/${tag.documentId}`)
      .set('Authorization', `Bearer ${accessKey}`)
      .send({ data: { slug: 'news-agencies', name: 'News agencies' } })
      .expect(200);
    expect((await app.get('/api/newsroom/tags/wire-agencies').expect(301)).headers.location).toMatch(/\/tags\/news-agencies$/);
    expect((await tags().findOne({ documentId: tag.documentId }))!.aliases).toEqual(['Wire agencies']);
  });

  it('the Content Manager leaves the same redirect', async () => {
    const tag = await tags().create({ data: { name: 'Ceasefire' } });
    // Cached under the old slug first: the rename must invalidate it.
    await app.get('/api/newsroom/tags/ceasefire').expect(200);
    expect((await app.get('/api/newsroom/tags/ceasefire').expect(200)).headers['x-newsroom-cache']).toBe('hit');
    await admin('put', `/content-manager/collection-types/${UIDS.tag}/${tag.documentId}`)
      .send({ name: 'Ceasefire talks', slug: 'ceasefire-talks' })
      .expect(200);
    expect((await app.get('/api/newsroom/tags/ceasefire').expect(301)).headers.location).toMatch(/\/tags\/ceasefire-talks$/);
  });

  it('the Tags page previews a rename, warns of a slug that redirects, then applies it', async () => {
    const tag = await tags().create({ data: { name: 'Drones' } });
    const taken = await admin('put', '/newsroom/tags/drones').send({ slug: 'us-led-coalition' }).expect(400);
    expect(taken.body.error.message).toContain('already taken by tag "US-led coalition"');
    const before = await app.strapi.db.connection(TABLES.redirects).count({ n: '*' });
    const preview = await admin('put', '/newsroom/tags/drones').send({ name: 'Drone strikes', slug: 'coalition-us', dryRun: true }).expect(200);
    expect(preview.body.data).toMatchObject({
      dryRun: true,
      redirects: [{ from: 'drones', to: 'coalition-us' }],
      released: [{ from: 'coalition-us', to: 'us-led-coalition' }],
      tag: { name: 'Drone strikes', slug: 'coalition-us' },
    });
    expect(await app.strapi.db.connection(TABLES.redirects).count({ n: '*' })).toEqual(before);
    expect(await slugOf(tag.documentId)).toBe('drones');

    const done = await admin('put', '/newsroom/tags/drones').send({ name: 'Drone strikes', slug: 'coalition-us' }).expect(200);
    expect(done.body.data.tag).toMatchObject({ slug: 'coalition-us', aliases: ['Drones'] });
    await app.get('/api/newsroom/tags/coalition-us').expect(200);
    expect((await app.get('/api/newsroom/tags/drones').expect(301)).headers.location).toMatch(/\/tags\/coalition-us$/);
  });
});

describe('a deleted tag', () => {
  it('answers 410 Gone when deleted in the Content Manager, and so do the slugs that led to it', async () => {
    const tag = await tags().create({ data: { name: 'Old front' } });
    await tags().update({ documentId: tag.documentId, data: { slug: 'front-line' } });
    await admin('delete', `/content-manager/collection-types/${UIDS.tag}/${tag.documentId}`).expect(200);
    for (const slug of ['front-line', 'old-front']) {
      const res = await app.get(`/api/newsroom/tags/${slug}/feed.xml`).expect(410);
      expect(res.body.error).toMatchObject({ status: 410, name: 'GoneError' });
    }
    expect(await redirectRows()).toContainEqual({ type: 'tag', from: 'old-front', to: null, status: 410 });
  });

  it('redirects to a chosen tag when deleted from the Tags page, its articles losing it', async () => {
    const into = await tags().create({ data: { name: 'Air defence' } });
    const gone = await tags().create({ data: { name: 'Air raids' } });
    const article = await articles().create({ data: { title: 'Sirens at night', body: paragraphs('Text. '.repeat(30)), tags: [gone.documentId, into.documentId] }, status: 'published' });
    const preview = await admin('delete', '/newsroom/tags/air-raids?redirectTo=air-defence&dryRun=true').expect(200);
    expect(preview.body.data).toEqual({ articlesUntagged: 1, redirects: [{ from: 'air-raids', to: 'air-defence' }], dryRun: true });
    await app.get('/api/newsroom/tags/air-raids').expect(200);

    await admin('delete', '/newsroom/tags/air-raids?redirectTo=air-defence').expect(200);
    expect((await app.get('/api/newsroom/tags/air-raids').expect(301)).headers.location).toMatch(/\/tags\/air-defence$/);
    const published = await articles().findOne({ documentId: article.documentId, status: 'published', populate: ['tags'] });
    expect(published!.tags.map((t: { slug: string }) => t.slug)).toEqual(['air-defence']);
    await admin('delete', '/newsroom/tags/air-defence?redirectTo=air-defence').expect(400);
    await admin('delete', '/newsroom/tags/air-defence?redirectTo=nowhere').expect(400);
  });
});

describe('articles', () => {
  it('redirect their old published slug, and list it with type "article"', async () => {
    const article = await articles().create({ data: { title: 'First headline', body: paragraphs('Text. '.repeat(30)) }, status: 'published' });
    await articles().update({ documentId: article.documentId, data: { slug: 'better-headline' } });
    // A draft's slug is not public: nothing yet.
    expect((await redirectRows()).some((row) => row.type === 'article')).toBe(false);
    await articles().publish({ documentId: article.documentId });
    expect(await redirectRows()).toContainEqual({ type: 'article', from: 'first-headline', to: 'better-headline', status: 301 });
    const articleRows = (await app.get('/api/newsroom/redirects?type=article').expect(200)).body;
    expect(articleRows.data).toEqual([{ type: 'article', from: 'first-headline', to: 'better-headline', status: 301 }]);
    expect(articleRows.meta.pagination).toMatchObject({ page: 1, total: 1 });
  });
});
