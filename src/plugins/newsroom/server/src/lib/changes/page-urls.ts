import { TERM_KINDS } from '../../../../shared/constants';
import { NEWS_SITEMAP_FILE, SITEMAP_INDEX_FILE, sitemapFileName } from '../sitemap/sitemap-files';
import { termsOf, type ChangeSet, type ListName, type TermKind } from './change-set';

/** Where pages live: the API's public address and the reader-facing URL patterns (`{slug}` replaced). */
export interface PageLocations {
  /** PUBLIC_URL: the API's public origin (and path prefix, if any). */
  apiUrl: string;
  /** NEWSROOM_ARTICLE_URL, NEWSROOM_TAG_URL and NEWSROOM_SOURCE_URL. */
  articleUrl: string;
  tagUrl: string;
  sourceUrl: string;
}

const trim = (url: string) => url.replace(/\/+$/, '');
/** A reader-facing URL from its pattern. */
export const pageUrl = (pattern: string, slug: string): string => pattern.replaceAll('{slug}', encodeURIComponent(slug));

/** The public API routes of a tag or source, with default parameters. */
export function termApiUrls(kind: TermKind, apiUrl: string, slug: string): string[] {
  const base = `${trim(apiUrl)}/api/newsroom/${kind}/${encodeURIComponent(slug)}`;
  return [base, `${base}.txt`, `${base}/feed.xml`, `${base}/feed.atom`, ...(kind === 'tags' ? [`${base}/related`] : [])];
}

/** The routes under /api/newsroom that show each list: the list itself, and the sitemaps built from it. */
const LIST_URLS: Record<ListName, string[]> = {
  tags: ['tags', SITEMAP_INDEX_FILE, sitemapFileName('tags', 1)],
  sources: ['sources', SITEMAP_INDEX_FILE, sitemapFileName('sources', 1)],
  redirects: ['redirects'],
  articles: [SITEMAP_INDEX_FILE, NEWS_SITEMAP_FILE],
};

/**
 * The canonical public API URLs whose answer the change changed: every page
 * number, and the sitemap files past the first, are purged by cache tag.
 */
export function urlsOf(change: ChangeSet, where: PageLocations): string[] {
  const urls = TERM_KINDS.flatMap((kind) => termsOf(change, kind).flatMap((slug) => termApiUrls(kind, where.apiUrl, slug)));
  for (const [list, routes] of Object.entries(LIST_URLS) as Array<[ListName, string[]]>) {
    if (change.all || change.lists.includes(list)) urls.push(...routes.map((route) => `${trim(where.apiUrl)}/api/newsroom/${route}`));
  }
  return [...new Set(urls)];
}

/** A reader-facing URL's path (and query), for Next.js revalidatePath. */
const pathOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** The reader-facing paths of the tags', sources' and articles' pages. */
export function pathsOf(change: ChangeSet, where: PageLocations): string[] {
  return [
    ...new Set([
      ...termsOf(change, 'tags').map((slug) => pathOf(pageUrl(where.tagUrl, slug))),
      ...termsOf(change, 'sources').map((slug) => pathOf(pageUrl(where.sourceUrl, slug))),
      ...change.articleSlugs.map((slug) => pathOf(pageUrl(where.articleUrl, slug))),
    ]),
  ];
}
