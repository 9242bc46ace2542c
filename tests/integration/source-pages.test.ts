/* eslint-disable @typescript-eslint/no-explicit-any -- payloads read back loosely, compared whole */
import { readFileSync } from 'node:fs';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import';
import { renderListing } from '../../src/plugins/newsroom/server/src/lib/render-tag-listing';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { child, children, parseXml, shown } from '../helpers/feed-reader';
import { SEED_FILE } from '../helpers/import';
import { SEED_SOURCES } from '../helpers/seed-sources';
import { useTestApp } from '../helpers/test-app';

// The seed names Euphrates Post three times, once as "Euphrate Post": one source, one page.
const seed = parseTagListing(readFileSync(SEED_FILE, 'utf8'), { file: 'seed' });
const CITING = seed.items.filter((_, i) => SEED_SOURCES[i].includes('Euphrates Post'));
const SLUG = 'euphrates-post';

const app = useTestApp({ seed: true, listen: true });
const get = (path: string) => app.get(path);

describe('GET /api/newsroom/sources/:slug', () => {
  it('serves the seed source with its 3 published articles, newest first, in the tag page article shape', async () => {
    const res = await get(`/api/newsroom/sources/${SLUG}`).expect(200);
    expect(CITING.map((item) => item.text).some((text) => text.includes('Euphrate Post'))).toBe(true);
    expect(res.body.data.source).toEqual({
      name: 'Euphrates Post',
      slug: SLUG,
      // The importer's outlet directory names its site and its other spellings.
      url: 'https://euphratespost.net',
      description: null,
      aliases: expect.arrayContaining(['Euphrate Post']),
      articleCount: 3,
      metaTitle: null,
      metaDescription: null,
      noindex: false,
    });
    expect(res.body.data.articles.map((a: any) => a.title)).toEqual(CITING.map((item) => item.title));
    expect(res.body.data.articles[0]).toMatchObject({
      excerpt: CITING[0].excerpt,
      tags: [{ name: 'US-led coalition', slug: 'us-led-coalition' }],
      sources: [{ name: 'Euphrates Post', slug: SLUG, url: 'https://euphratespost.net' }],
    });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 3, next: null });
    expect(res.headers['surrogate-key'].split(' ')).toEqual(expect.arrayContaining([`source:${SLUG}`, 'newsroom']));
  });

  it('.txt: the seed format headed "Contents from Euphrates Post"', async () => {
    const res = await get(`/api/newsroom/sources/${SLUG}.txt`).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text.split('\n')[0]).toBe('Contents from Euphrates Post');
    expect(res.text).toBe(renderListing('sources', 'Euphrates Post', CITING.map((item) => ({ title: item.title, excerpt: item.excerpt! }))));
  });

  it('pages by cursor, and answers 304 to a conditional request', async () => {
    const first = await get(`/api/newsroom/sources/${SLUG}?pageSize=2`).expect(200);
    expect(first.body.data.articles).toHaveLength(2);
    const second = await get(`/api/newsroom/sources/${SLUG}?pageSize=2&after=${first.body.meta.pagination.next}`).expect(200);
    expect(second.body.data.articles.map((a: any) => a.title)).toEqual([CITING[2].title]);
    expect(second.body.meta.pagination.next).toBeNull();

    const url = `${app.url}/api/newsroom/sources/${SLUG}`;
    const fresh = await fetch(url);
    const etag = fresh.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('RSS and Atom feeds a reader titles "Contents from Euphrates Post"', async () => {
    for (const [suffix, format] of [['feed.xml', 'rss'], ['feed.atom', 'atom']] as const) {
      const res = await get(`/api/newsroom/sources/${SLUG}/${suffix}`).expect(200);
      const root = parseXml(res.text);
      const channel = format === 'rss' ? child(root, 'channel') : root;
      expect(shown(child(channel, 'title'), format)).toBe('Contents from Euphrates Post');
      expect(children(channel, format === 'rss' ? 'item' : 'entry').map((entry) => shown(child(entry, 'title'), format))).toEqual(
        CITING.map((item) => item.title),
      );
    }
  });

  it('lists sources with their published counts, by count or name, and finds them by q', async () => {
    const byCount = await get('/api/newsroom/sources?sort=count').expect(200);
    expect(byCount.body.data.map((s: any) => [s.name, s.articleCount])).toEqual([
      ['Euphrates Post', 3],
      ['RBC', 1],
      ['Reuters', 1],
      ['RIA Novosti', 1],
      ['TASS', 1],
    ]);
    const byName = await get('/api/newsroom/sources?sort=name&pageSize=2&page=2').expect(200);
    expect(byName.body.data.map((s: any) => s.name)).toEqual(['Reuters', 'RIA Novosti']);
    expect(byName.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
    const found = await get('/api/newsroom/sources?q=EUPHRATES').expect(200);
    expect(found.body.data.map((s: any) => s.slug)).toEqual([SLUG]);
  });

  it('bad parameters and hostile slugs: clean 400s and 404s', async () => {
    await get('/api/newsroom/sources/no-such-source').expect(404);
    await get('/api/newsroom/sources/%00').expect(404);
    await get(`/api/newsroom/sources/${'a'.repeat(300)}`).expect(400);
    await get(`/api/newsroom/sources/${SLUG}?page=abc`).expect(400);
    await get(`/api/newsroom/sources/${SLUG}?page=9`).expect(400);
    await get(`/api/newsroom/sources/${SLUG}?after=not-a-cursor`).expect(400);
    await get('/api/newsroom/sources?sort=popularity').expect(400);
    // Sources have no related route.
    await get(`/api/newsroom/sources/${SLUG}/related`).expect(404);
  });
});

describe('source pages follow every writer', () => {
  const sources = () => app.documents(UIDS.source);
  const articles = () => app.documents(UIDS.article);

  it('a publish, an unpublish and a draft: the counts and pages move at once, drafts never show', async () => {
    const tass = (await sources().findFirst({ filters: { slug: 'tass' } }))!;
    const before = await get('/api/newsroom/sources/tass').expect(200);
    expect(before.body.data.source.articleCount).toBe(1);

    const draft = await articles().create({ data: { title: 'A draft citing TASS', sources: [tass.documentId] } });
    expect((await get('/api/newsroom/sources/tass').expect(200)).body.data.source.articleCount).toBe(1);

    await articles().publish({ documentId: draft.documentId });
    const published = await get('/api/newsroom/sources/tass').expect(200);
    expect(published.body.data.source.articleCount).toBe(2);
    expect(published.body.data.articles[0].title).toBe('A draft citing TASS');

    await articles().unpublish({ documentId: draft.documentId });
    const after = await get('/api/newsroom/sources/tass').expect(200);
    expect(after.body.data.source.articleCount).toBe(1);
    expect(after.body.data.articles.map((a: any) => a.title)).not.toContain('A draft citing TASS');
  });

  it('an import citing a source lands on its page', async () => {
    await app.importer().importDocument(
      [JSON.stringify({ title: 'Wire story', body: 'Reuters reported a strike near the river.', tags: ['Wire'], sources: ['Reuters'] })].join('\n'),
      { fileName: 'wire.ndjson' },
    );
    const res = await get('/api/newsroom/sources/reuters').expect(200);
    expect(res.body.data.source.articleCount).toBe(2);
    expect(res.body.data.articles[0].title).toBe('Wire story');
  });

  it('SEO fields are served, and refused when too long', async () => {
    const rbc = (await sources().findFirst({ filters: { slug: 'rbc' } }))!;
    await sources().update({ documentId: rbc.documentId, data: { description: 'Moscow business daily', metaTitle: 'RBC', metaDescription: 'News from RBC', noindex: true } });
    const res = await get('/api/newsroom/sources/rbc').expect(200);
    expect(res.body.data.source).toMatchObject({ description: 'Moscow business daily', metaTitle: 'RBC', metaDescription: 'News from RBC', noindex: true });
    await expect(sources().update({ documentId: rbc.documentId, data: { metaTitle: 'x'.repeat(71) } })).rejects.toThrow(/metaTitle/);
    await expect(sources().update({ documentId: rbc.documentId, data: { metaDescription: 'x'.repeat(161) } })).rejects.toThrow(/metaDescription/);
  });

  it('a renamed source redirects its old slug on every route; a deleted one is gone', async () => {
    const ria = (await sources().findFirst({ filters: { slug: 'ria-novosti' } }))!;
    await sources().update({ documentId: ria.documentId, data: { slug: 'ria' } });
    const moved = await get('/api/newsroom/sources/ria-novosti.txt?page=1').expect(301);
    expect(moved.headers.location).toBe(`${app.strapi.config.get('server.absoluteUrl')}/api/newsroom/sources/ria.txt?page=1`);
    await get('/api/newsroom/sources/ria-novosti/feed.atom').expect(301);
    const redirects = await get('/api/newsroom/redirects?type=source').expect(200);
    expect(redirects.body.data).toEqual([{ type: 'source', from: 'ria-novosti', to: 'ria', status: 301 }]);

    await sources().delete({ documentId: ria.documentId });
    await get('/api/newsroom/sources/ria').expect(410);
    await get('/api/newsroom/sources/ria-novosti').expect(410);
  });
});
