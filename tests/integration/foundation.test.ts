import pluginPackage from '../../src/plugins/newsroom/package.json';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { useTestApp } from '../helpers/test-app';

const app = useTestApp();
const documents = app.documents;

describe('the newsroom plugin', () => {
  it('is mounted and answers its health route', async () => {
    const res = await app.get('/api/newsroom/health').expect(200);
    expect(res.body).toEqual({
      data: { plugin: 'newsroom', version: pluginPackage.version, database: app.database.client },
    });
  });
});

describe('the public API', () => {
  it('lists only published articles', async () => {
    const published = await documents(UIDS.article).create({ data: { title: 'Published story' }, status: 'published' });
    await documents(UIDS.article).create({ data: { title: 'Draft story' } });

    const res = await app.get('/api/articles').expect(200);
    expect(res.body.data.map((a: { title: string }) => a.title)).toEqual(['Published story']);
    expect(res.body.data[0].documentId).toBe(published.documentId);
    expect(res.body.meta.pagination.total).toBe(1);
    // importKey is private: never served.
    expect(res.body.data[0]).not.toHaveProperty('importKey');
  });

  it('never serves a draft, even when asked for ?status=draft', async () => {
    const draft = await documents(UIDS.article).create({ data: { title: 'Secret draft' } });
    const edited = await documents(UIDS.article).create({ data: { title: 'Public title' }, status: 'published' });
    await documents(UIDS.article).update({ documentId: edited.documentId, data: { title: 'Unpublished edit' } });

    await app.get(`/api/articles/${draft.documentId}`).expect(404);
    await app.get(`/api/articles/${draft.documentId}?status=draft`).expect(404);
    const one = await app.get(`/api/articles/${edited.documentId}?status=draft`).expect(200);
    expect(one.body.data.title).toBe('Public title');
    const list = await app.get('/api/articles?status=draft&pagination[pageSize]=100').expect(200);
    const titles = list.body.data.map((a: { title: string }) => a.title);
    expect(titles).toContain('Public title');
    expect(titles).not.toContain('Secret draft');
    expect(titles).not.toContain('Unpublished edit');
  });

  it.each([
    ['articles', UIDS.article, { title: 'Hack' }],
    ['tags', UIDS.tag, { name: 'Hack' }],
    ['sources', UIDS.source, { name: 'Hack' }],
  ])('refuses anonymous writes to /api/%s', async (route, uid, data) => {
    // Each row's data fits its uid: a pairing TypeScript cannot follow through it.each.
    const existing = await documents(uid).create({ data: data as never, status: 'published' });
    const countBefore = await documents(uid).count({});

    await app.request().post(`/api/${route}`).send({ data }).expect(403);
    await app.request().put(`/api/${route}/${existing.documentId}`).send({ data }).expect(403);
    await app.request().delete(`/api/${route}/${existing.documentId}`).expect(403);

    expect(await documents(uid).count({})).toBe(countBefore);
  });

  it('grants the Public role exactly the read actions and signing in, on every boot', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = app.strapi.db.query('plugin::users-permissions.permission');
    // A permission granted by mistake is removed by the next sync.
    await permission.create({ data: { action: 'api::article.article.create', role: role.id } });
    await app.strapi.plugin('newsroom').service('public-permissions').sync();
    await app.strapi.plugin('newsroom').service('public-permissions').sync();

    const rows: Array<{ action: string }> = await permission.findMany({ where: { role: role.id } });
    expect(rows.map((r) => r.action).sort()).toEqual(
      [
        'api::article.article.find',
        'api::article.article.findOne',
        'api::source.source.find',
        'api::source.source.findOne',
        'api::tag.tag.find',
        'api::tag.tag.findOne',
        'plugin::newsroom.health.index',
        'plugin::newsroom.redirects.find',
        'plugin::newsroom.sitemaps.articles',
        'plugin::newsroom.sitemaps.index',
        'plugin::newsroom.sitemaps.news',
        'plugin::newsroom.sitemaps.sources',
        'plugin::newsroom.sitemaps.sourcesFile',
        'plugin::newsroom.sitemaps.tags',
        'plugin::newsroom.sitemaps.tagsFile',
        'plugin::newsroom.source-pages.atom',
        'plugin::newsroom.source-pages.find',
        'plugin::newsroom.source-pages.findOne',
        'plugin::newsroom.source-pages.findOneText',
        'plugin::newsroom.source-pages.rss',
        'plugin::newsroom.tag-pages.atom',
        'plugin::newsroom.tag-pages.find',
        'plugin::newsroom.tag-pages.findOne',
        'plugin::newsroom.tag-pages.findOneText',
        'plugin::newsroom.tag-pages.related',
        'plugin::newsroom.tag-pages.rss',
        'plugin::users-permissions.auth.callback',
      ].sort(),
    );
  });
});

describe('slugs', () => {
  it('are made from Latin titles and names', async () => {
    const article = await documents(UIDS.article).create({ data: { title: 'U.S. coalition conducts new air attack!' } });
    expect(article.slug).toBe('us-coalition-conducts-new-air-attack');
    const tag = await documents(UIDS.tag).create({ data: { name: 'US-led coalition' } });
    expect(tag.slug).toBe('us-led-coalition');
  });

  it('transliterate Cyrillic', async () => {
    const source = await documents(UIDS.source).create({ data: { name: 'РИА Новости' } });
    expect(source.slug).toBe('ria-novosti');
  });

  it('get -2, -3 when taken, also by a published article', async () => {
    const first = await documents(UIDS.article).create({ data: { title: 'Same title' }, status: 'published' });
    const second = await documents(UIDS.article).create({ data: { title: 'Same title' } });
    const third = await documents(UIDS.article).create({ data: { title: 'Same title' } });
    expect([first.slug, second.slug, third.slug]).toEqual(['same-title', 'same-title-2', 'same-title-3']);
  });

  it('are never empty, even for names with nothing to transliterate', async () => {
    const a = await documents(UIDS.tag).create({ data: { name: '北京' } });
    const b = await documents(UIDS.tag).create({ data: { name: '東京' } });
    expect(a.slug).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(b.slug).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(a.slug).not.toBe(b.slug);
  });

  it('keep a slug given by the writer, and regenerate an emptied one', async () => {
    const tag = await documents(UIDS.tag).create({ data: { name: 'Syria', slug: 'syria-war' } });
    expect(tag.slug).toBe('syria-war');
    const updated = await documents(UIDS.tag).update({ documentId: tag.documentId, data: { name: 'Syria', slug: '' } });
    expect(updated?.slug).toBe('syria');
  });
});

describe('relations', () => {
  it('round-trip between articles, tags and sources through the API', async () => {
    const tag = await documents(UIDS.tag).create({ data: { name: 'Deir ez-Zor' } });
    const source = await documents(UIDS.source).create({
      data: { name: 'Euphrates Post', url: 'https://example.org', aliases: ['Euphrate Post'] },
    });
    const article = await documents(UIDS.article).create({
      data: { title: 'Strikes near the river', tags: [tag.documentId], sources: [source.documentId] },
      status: 'published',
    });

    const res = await app.request()
      .get(`/api/articles/${article.documentId}?populate[tags][fields][0]=name&populate[sources][fields][0]=name&populate[sources][fields][1]=aliases`)
      .expect(200);
    expect(res.body.data.tags.map((t: { name: string }) => t.name)).toEqual(['Deir ez-Zor']);
    expect(res.body.data.sources).toEqual([
      expect.objectContaining({ name: 'Euphrates Post', aliases: ['Euphrate Post'] }),
    ]);

    // From the tag's side, its articles are a tag page (a tag's articles are never populated: the cost policy).
    const back = await app.get(`/api/articles?filters[tags][slug][$eq]=${tag.slug}&fields[0]=title`).expect(200);
    expect(back.body.data.map((a: { title: string }) => a.title)).toEqual(['Strikes near the river']);
  });
});

describe('the admin edit view', () => {
  it('shows the computed fields read-only', async () => {
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    const configuration = await contentTypes.findConfiguration(contentTypes.findContentType(UIDS.article));
    expect(configuration.metadatas.excerpt.edit.editable).toBe(false);
    expect(configuration.metadatas.importKey.edit.editable).toBe(false);
    expect(configuration.metadatas.title.edit.editable).toBe(true);
  });
});
