import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { child, children, parseXml, type XmlNode } from '../helpers/feed-reader';
import { ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * The sitemaps as a crawler reads them: over HTTP, with a strict XML parser,
 * following the index to every file. Three ids a file, so a handful of
 * articles spans several files and the range rules show.
 */

const SITE = 'https://news.example.com';
const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const app = useTestApp({
  listen: true,
  env: {
    NEWSROOM_SITE_URL: SITE,
    NEWSROOM_SITE_NAME: 'Example & News',
    NEWSROOM_SITE_LANGUAGE: 'fr',
    NEWSROOM_SITEMAP_URLS_PER_FILE: '3',
    NEWSROOM_SITEMAP_MIN_ARTICLES: '2',
  },
});

const ARTICLES = [
  { title: 'Ceasefire holds <for now> & talks resume', tags: ['Diplomacy', 'Ceasefire'], sources: ['Reuters'], publishedAt: hoursAgo(1) },
  { title: 'Talks in Geneva', tags: ['Diplomacy'], sources: ['Reuters'], publishedAt: hoursAgo(5) },
  { title: 'Aid convoy reaches the city', tags: ['Aid'], sources: ['AFP'], publishedAt: hoursAgo(47) },
  { title: 'Old front line report', tags: ['Diplomacy', 'Aid'], sources: ['AFP'], publishedAt: hoursAgo(72) },
  { title: 'Archive piece', tags: ['Archive'], sources: ['Reuters'], publishedAt: '2020-05-01T10:00:00Z' },
].map((article, i) => ({ ...article, body: `Body ${i}.` }));

const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/newsroom/${path}`);
  return { status: res.status, type: res.headers.get('content-type'), etag: res.headers.get('etag'), text: await res.text() };
};
const xml = async (path: string): Promise<XmlNode> => {
  const res = await get(path);
  expect([path, res.status, res.type]).toEqual([path, 200, 'application/xml; charset=utf-8']);
  return parseXml(res.text);
};
const locs = (root: XmlNode, entry = 'url') => children(root, entry).map((node) => child(node, 'loc').text);
/** The index's files, as paths under /api/newsroom. */
const indexFiles = async () => {
  // By default the index names the files as served: under PUBLIC_URL (the test app's absolute URL, not its port).
  const base = `${String(app.strapi.config.get('server.absoluteUrl'))}/api/newsroom/`;
  return locs(await xml('sitemap.xml'), 'sitemap').map((loc) => {
    expect(loc.startsWith(base)).toBe(true);
    return loc.slice(base.length);
  });
};
const articleFiles = async () => (await indexFiles()).filter((file) => file.startsWith('sitemap-articles-'));
/** Every article URL, file by file. */
const articleUrls = async (): Promise<Record<string, string[]>> =>
  Object.fromEntries(await Promise.all((await articleFiles()).map(async (f) => [f, locs(await xml(f))] as const)));
const articleUrl = (slug: string) => `${SITE}/articles/${slug}`;

async function slugOf(title: string): Promise<string> {
  const article = await app.documents(UIDS.article).findFirst({ filters: { title }, status: 'published' });
  return String(article!.slug);
}

beforeAll(async () => {
  await app.importer().importDocument(ndjson(ARTICLES), { fileName: 'sitemaps.ndjson' });
  await app.documents(UIDS.article).create({ data: { title: 'A draft never listed', tags: [] } });
});

describe('GET /api/newsroom/sitemap.xml', () => {
  it('indexes the article files, the tag and source files and the news sitemap, each served where it says', async () => {
    const files = await indexFiles();
    expect(files).toEqual(expect.arrayContaining(['sitemap-tags.xml', 'sitemap-sources.xml', 'sitemap-news.xml']));
    expect((await articleFiles()).length).toBeGreaterThan(1);
    for (const file of files) expect((await get(file)).status).toBe(200);
    const index = await xml('sitemap.xml');
    for (const entry of children(index, 'sitemap')) expect(child(entry, 'lastmod').text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('lists every published article once, in files of at most 3, and never a draft', async () => {
    const byFile = await articleUrls();
    const all = Object.values(byFile).flat();
    for (const urls of Object.values(byFile)) expect(urls.length).toBeLessThanOrEqual(3);
    const expected = await Promise.all(ARTICLES.map(async (a) => articleUrl(await slugOf(a.title))));
    expect([...all].sort()).toEqual([...expected].sort());
    expect(all.some((url) => url.includes('a-draft-never-listed'))).toBe(false);
  });

  it('sends an ETag and answers 304 to a conditional request', async () => {
    const first = await fetch(`${app.url}/api/newsroom/sitemap.xml`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${app.url}/api/newsroom/sitemap.xml`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  it('answers a made-up query string from the same cached file: a cache buster costs no build', async () => {
    await get('sitemap-articles-1.xml');
    const busted = await fetch(`${app.url}/api/newsroom/sitemap-articles-1.xml?bust=${Date.now()}`);
    expect([busted.status, busted.headers.get('x-newsroom-cache')]).toEqual([200, 'hit']);
  });

  it('answers 404 for a file number it does not have', async () => {
    for (const path of ['sitemap-articles-0.xml', 'sitemap-articles-999.xml', 'sitemap-articles-x.xml', 'sitemap-tags-999.xml']) {
      expect([path, (await get(path)).status]).toEqual([path, 404]);
    }
  });
});

describe('tag and source sitemaps', () => {
  it('list the reader-facing pages of terms with at least NEWSROOM_SITEMAP_MIN_ARTICLES articles, with their newest article as lastmod', async () => {
    const tags = await xml('sitemap-tags.xml');
    // Archive and Ceasefire have one article each.
    expect(locs(tags).sort()).toEqual([`${SITE}/tags/aid`, `${SITE}/tags/diplomacy`]);
    const diplomacy = children(tags, 'url').find((url) => child(url, 'loc').text.endsWith('/diplomacy'))!;
    const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: 'diplomacy' } });
    const newest = Math.max(Date.parse(ARTICLES[0].publishedAt), Date.parse(String(tag!.updatedAt)));
    expect(Date.parse(child(diplomacy, 'lastmod').text)).toBe(Math.floor(newest / 1000) * 1000);
    expect(locs(await xml('sitemap-sources.xml')).sort()).toEqual([`${SITE}/sources/agence-france-presse`, `${SITE}/sources/reuters`]);
  });

  it('leave out a tag marked noindex as soon as it is saved', async () => {
    const tag = await app.documents(UIDS.tag).findFirst({ filters: { slug: 'aid' } });
    await app.documents(UIDS.tag).update({ documentId: tag!.documentId, data: { noindex: true } });
    expect(locs(await xml('sitemap-tags.xml'))).toEqual([`${SITE}/tags/diplomacy`]);
    await app.documents(UIDS.tag).update({ documentId: tag!.documentId, data: { noindex: false } });
    expect(locs(await xml('sitemap-tags.xml')).sort()).toEqual([`${SITE}/tags/aid`, `${SITE}/tags/diplomacy`]);
  });
});

describe('GET /api/newsroom/sitemap-news.xml', () => {
  it('lists the articles of the last 48 hours, newest first, with the publication, its language, the date and the title', async () => {
    const news = await xml('sitemap-news.xml');
    expect(news.attributes['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = children(news, 'url');
    expect(urls.map((url) => child(url, 'news:news', 'news:title').text)).toEqual(ARTICLES.slice(0, 3).map((a) => a.title));
    expect(child(urls[0], 'loc').text).toBe(articleUrl(await slugOf(ARTICLES[0].title)));
    expect(child(urls[0], 'news:news', 'news:publication', 'news:name').text).toBe('Example & News');
    expect(child(urls[0], 'news:news', 'news:publication', 'news:language').text).toBe('fr');
    expect(Date.parse(child(urls[0], 'news:news', 'news:publication_date').text)).toBe(Math.floor(Date.parse(ARTICLES[0].publishedAt) / 1000) * 1000);
  });
});

describe('fixed ranges', () => {
  it('an unpublish empties its place in one file and a backdated import lands in the newest: no other file changes', async () => {
    const before = await articleUrls();
    const gone = articleUrl(await slugOf('Talks in Geneva'));
    const [fileOfGone] = Object.entries(before).find(([, urls]) => urls.includes(gone))!;
    const article = await app.documents(UIDS.article).findFirst({ filters: { title: 'Talks in Geneva' }, status: 'published' });
    await app.documents(UIDS.article).unpublish({ documentId: article!.documentId });
    await app.importer().importDocument(ndjson([{ title: 'Backdated dispatch', body: 'Old.', tags: ['Aid'], publishedAt: '2019-01-01T00:00:00Z' }]), {
      fileName: 'backdated.ndjson',
    });

    const after = await articleUrls();
    const added = articleUrl(await slugOf('Backdated dispatch'));
    const [fileOfAdded] = Object.entries(after).find(([, urls]) => urls.includes(added))!;
    const number = (file: string) => Number(/(\d+)\.xml$/.exec(file)![1]);
    expect(number(fileOfAdded)).toBeGreaterThanOrEqual(Math.max(...Object.keys(before).map(number)));
    for (const [file, urls] of Object.entries(before)) {
      const expected = file === fileOfGone ? urls.filter((url) => url !== gone) : urls;
      expect([file, (after[file] ?? []).filter((url) => url !== added)]).toEqual([file, expected]);
    }
    // The news sitemap no longer lists the unpublished article.
    expect(locs(await xml('sitemap-news.xml'))).not.toContain(gone);
  });
});
