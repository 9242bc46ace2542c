import { TERM_KINDS } from '../../../../shared/constants';
import { termsOf, type ChangeSet, type TermKind } from './change-set';

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
const fill = (pattern: string, slug: string) => pattern.replaceAll('{slug}', encodeURIComponent(slug));

/** The public API routes of a tag or source, with default parameters. */
export function termApiUrls(kind: TermKind, apiUrl: string, slug: string): string[] {
  const base = `${trim(apiUrl)}/api/newsroom/${kind}/${encodeURIComponent(slug)}`;
  return [base, `${base}.txt`, `${base}/feed.xml`, `${base}/feed.atom`, ...(kind === 'tags' ? [`${base}/related`] : [])];
}

/** The canonical public API URLs whose answer the change changed (every page number is purged by cache tag). */
export function urlsOf(change: ChangeSet, where: PageLocations): string[] {
  const urls = TERM_KINDS.flatMap((kind) => termsOf(change, kind).flatMap((slug) => termApiUrls(kind, where.apiUrl, slug)));
  for (const list of ['tags', 'sources', 'redirects'] as const) {
    if (change.all || change.lists.includes(list)) urls.push(`${trim(where.apiUrl)}/api/newsroom/${list}`);
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
      ...termsOf(change, 'tags').map((slug) => pathOf(fill(where.tagUrl, slug))),
      ...termsOf(change, 'sources').map((slug) => pathOf(fill(where.sourceUrl, slug))),
      ...change.articleSlugs.map((slug) => pathOf(fill(where.articleUrl, slug))),
    ]),
  ];
}
