/**
 * The XML of the sitemaps.org protocol (a sitemap index, a URL set) and of
 * Google News sitemaps. Pure: lib/sitemap/sitemap-files.ts says which files
 * exist, services/sitemaps.ts reads what goes in them.
 */

export interface SitemapEntry {
  loc: string;
  lastmod?: Date | null;
}

export interface NewsEntry {
  loc: string;
  title: string;
  publishedAt: Date;
}

export interface NewsPublication {
  /** The site's name, as the feeds give it. */
  name: string;
  /** An ISO 639 language code (Google's: `zh-cn` and `zh-tw` for Chinese). */
  language: string;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Characters XML 1.0 cannot carry at all (a title holding one would make the whole file unreadable).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

// W3C Datetime, as the protocol asks: to the second, in UTC.
const w3cDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const entry = (tag: 'url' | 'sitemap', { loc, lastmod }: SitemapEntry): string =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : ''}</${tag}>\n`;

/** A sitemap index: the sitemap files, each with the newest change among its URLs. */
export const sitemapIndexXml = (files: SitemapEntry[]): string =>
  `${HEAD}<sitemapindex xmlns="${SITEMAP_NS}">\n${files.map((file) => entry('sitemap', file)).join('')}</sitemapindex>\n`;

/** A URL set: pages, each with its last modification. */
export const urlSetXml = (urls: SitemapEntry[]): string =>
  `${HEAD}<urlset xmlns="${SITEMAP_NS}">\n${urls.map((url) => entry('url', url)).join('')}</urlset>\n`;

/** A Google News sitemap: recent articles with their publication, date and title. */
export function newsSitemapXml(items: NewsEntry[], publication: NewsPublication): string {
  const name = escapeXml(publication.name);
  const language = escapeXml(publication.language);
  const urls = items.map(
    (item) =>
      `<url><loc>${escapeXml(item.loc)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${w3cDate(item.publishedAt)}</news:publication_date>` +
      `<news:title>${escapeXml(item.title)}</news:title></news:news></url>\n`,
  );
  return `${HEAD}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join('')}</urlset>\n`;
}
