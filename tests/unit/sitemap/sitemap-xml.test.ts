import fc from 'fast-check';
import {
  idRange,
  parseFileNumber,
  sitemapBase,
  sitemapFileName,
} from '../../../src/plugins/newsroom/server/src/lib/sitemap/sitemap-files';
import { newsSitemapXml, sitemapIndexXml, urlSetXml } from '../../../src/plugins/newsroom/server/src/lib/sitemap/sitemap-xml';
import { sitemapsConfigSchema } from '../../../src/plugins/newsroom/server/src/validation/plugin-config';
import { child, children, parseXml } from '../../helpers/feed-reader';

describe('sitemap XML', () => {
  it('a URL set: each loc escaped, lastmod in W3C Datetime to the second, none when unknown', () => {
    const root = parseXml(
      urlSetXml([
        { loc: 'https://x.test/a?b=1&c=<2>', lastmod: new Date('2026-12-01T10:20:30.456Z') },
        { loc: 'https://x.test/b', lastmod: null },
      ]),
    );
    expect(root.name).toBe('urlset');
    expect(root.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const [a, b] = children(root, 'url');
    expect(child(a, 'loc').text).toBe('https://x.test/a?b=1&c=<2>');
    expect(child(a, 'lastmod').text).toBe('2026-12-01T10:20:30Z');
    expect(children(b, 'lastmod')).toEqual([]);
  });

  it('an index of sitemaps', () => {
    const root = parseXml(sitemapIndexXml([{ loc: 'https://x.test/sitemap-tags.xml', lastmod: new Date(0) }]));
    expect(root.name).toBe('sitemapindex');
    expect(child(root, 'sitemap', 'loc').text).toBe('https://x.test/sitemap-tags.xml');
  });

  it('a news sitemap: any title reads back as given, less what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (title, name) => {
        const root = parseXml(newsSitemapXml([{ loc: 'https://x.test/a', title, publishedAt: new Date(0) }], { name, language: 'en' }));
        const news = child(root, 'url', 'news:news');
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
        expect(child(news, 'news:title').text).toBe(title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
        expect(child(news, 'news:publication_date').text).toBe('1970-01-01T00:00:00Z');
        expect(child(news, 'news:publication', 'news:language').text).toBe('en');
      }),
    );
  });
});

describe('sitemap files', () => {
  it('tags and sources start unnumbered, articles numbered', () => {
    expect(sitemapFileName('tags', 1)).toBe('sitemap-tags.xml');
    expect(sitemapFileName('sources', 2)).toBe('sitemap-sources-2.xml');
    expect(sitemapFileName('articles', 1)).toBe('sitemap-articles-1.xml');
  });

  it('fixed id ranges that tile the ids without overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 50_000 }), (id, perFile) => {
        const n = Math.floor((id - 1) / perFile) + 1;
        const { after, upTo } = idRange(n, perFile);
        expect(id > after && id <= upTo).toBe(true);
        expect(idRange(n + 1, perFile).after).toBe(upTo);
      }),
    );
  });

  it('file numbers are positive decimal integers only', () => {
    expect(parseFileNumber('12')).toBe(12);
    for (const bad of ['0', '-1', '01', '1.5', '1e3', 'x', '', '99999999999']) expect(parseFileNumber(bad)).toBeNull();
  });
});

describe('sitemap base', () => {
  it('the API as served by default; a proxying frontend\'s own base when set (NEWSROOM_SITEMAP_BASE_URL)', () => {
    expect(sitemapBase(undefined, 'https://api.example.com/')).toBe('https://api.example.com/api/newsroom');
    expect(sitemapBase('https://www.example.com/', 'https://api.example.com')).toBe('https://www.example.com');
  });
});

describe('sitemap settings', () => {
  const valid = { urlsPerFile: 50_000, minArticles: 1, language: 'en' };
  it('refuse an empty page (minArticles 0), more than the protocol allows, a language that is not ISO 639', () => {
    expect(sitemapsConfigSchema.safeParse(valid).success).toBe(true);
    for (const bad of [{ minArticles: 0 }, { urlsPerFile: 50_001 }, { language: 'English' }, { baseUrl: 'not a url' }]) {
      expect([bad, sitemapsConfigSchema.safeParse({ ...valid, ...bad }).success]).toEqual([bad, false]);
    }
  });
});
