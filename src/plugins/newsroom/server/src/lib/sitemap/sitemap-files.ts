/**
 * Which sitemap files exist and what each holds. Articles, tags and sources
 * are split by fixed ranges of their row id (articles: the published row's),
 * `urlsPerFile` ids a file: an unpublish empties one place of one file, and a
 * backdated import lands in the newest file, so no change shifts URLs from
 * one file to the next. Pure.
 */

/** The protocol's limit on URLs in one file (and 50 MB, which 50,000 URLs of our length stay far below). */
export const MAX_URLS_PER_FILE = 50_000;
/** Google News: articles of the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_ARTICLES = 1000;

export const SITEMAP_SECTIONS = ['articles', 'tags', 'sources'] as const;
export type SitemapSection = (typeof SITEMAP_SECTIONS)[number];

export const SITEMAP_INDEX_FILE = 'sitemap.xml';
export const NEWS_SITEMAP_FILE = 'sitemap-news.xml';

/**
 * A file's name. Tags and sources rarely need a second file, so their first
 * is `sitemap-tags.xml`; articles are numbered from the first.
 */
export const sitemapFileName = (section: SitemapSection, n: number): string =>
  section !== 'articles' && n === 1 ? `sitemap-${section}.xml` : `sitemap-${section}-${n}.xml`;

/** The ids of file `n` (from 1): `after < id <= upTo`. */
export const idRange = (n: number, urlsPerFile: number): { after: number; upTo: number } => ({
  after: (n - 1) * urlsPerFile,
  upTo: n * urlsPerFile,
});

/** A file number from a route parameter: a positive integer in decimal, nothing else. */
export function parseFileNumber(param: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(param)) return null;
  return Number(param);
}

/** Where the index says the files are: as served under the API's origin, unless a frontend proxies them (a base of its own). */
export const sitemapBase = (baseUrl: string | undefined, apiUrl: string): string => (baseUrl ?? `${apiUrl.replace(/\/+$/, '')}/api/newsroom`).replace(/\/+$/, '');
