import { termsOf, type ChangeSet, type ListName, type TermKind } from './change-set';

/**
 * Cache tags: the names a public response depends on, sent with it
 * (Surrogate-Key, Cache-Tag) and announced when they change (the webhook's
 * `cacheTags`), so a CDN or Next.js purges by name every page number and
 * cursor of a page at once. The server's own response cache uses the same
 * names (services/page-invalidation.ts).
 */
export const CACHE_TAGS = {
  /** On every response: purges everything. */
  all: 'newsroom',
  /** A tag's pages: JSON, text, feeds, related tags (its articles, their order, its own fields). */
  tag: (slug: string) => `tag:${slug}`,
  /** Any page that shows the tag's name or slug. */
  tagLabel: (slug: string) => `tag-label:${slug}`,
  source: (slug: string) => `source:${slug}`,
  sourceLabel: (slug: string) => `source-label:${slug}`,
  /** Any page that shows the article. */
  article: (documentId: string) => `article:${documentId}`,
  list: (name: ListName) => `list:${name}`,
} as const;

/** A tag's or source's own pages, and its label on others: one pair of names per kind. */
const TERM_TAGS = {
  tags: { page: CACHE_TAGS.tag, label: CACHE_TAGS.tagLabel },
  sources: { page: CACHE_TAGS.source, label: CACHE_TAGS.sourceLabel },
} as const;

/** The cache tags a change invalidates. */
export function cacheTagsOf(change: ChangeSet): string[] {
  if (change.all) return [CACHE_TAGS.all];
  return [
    ...termsOf(change, 'tags').map(CACHE_TAGS.tag),
    ...change.labels.tags.map(CACHE_TAGS.tagLabel),
    ...termsOf(change, 'sources').map(CACHE_TAGS.source),
    ...change.labels.sources.map(CACHE_TAGS.sourceLabel),
    ...change.articles.map(CACHE_TAGS.article),
    ...change.lists.map(CACHE_TAGS.list),
  ];
}

/** What a tag or source page (any representation, page or cursor) shows. */
export function termPageCacheTags(
  kind: TermKind,
  term: { slug: string },
  articles: Array<{ documentId: string; tags: Array<{ slug: string }>; sources: Array<{ slug: string }> }>,
): string[] {
  const tags = new Set([CACHE_TAGS.all, TERM_TAGS[kind].page(term.slug), TERM_TAGS[kind].label(term.slug)]);
  for (const article of articles) {
    tags.add(CACHE_TAGS.article(article.documentId));
    for (const t of article.tags) tags.add(CACHE_TAGS.tagLabel(t.slug));
    for (const s of article.sources) tags.add(CACHE_TAGS.sourceLabel(s.slug));
  }
  return [...tags];
}

/** What a list of tags or sources shows: their names and counts. */
export const termListCacheTags = (kind: TermKind, terms: Array<{ slug: string }>): string[] => [
  CACHE_TAGS.all,
  CACHE_TAGS.list(kind),
  ...terms.map((t) => TERM_TAGS[kind].label(t.slug)),
];

/** Related tags: the tag's articles decide them; the others are only named. */
export const relatedTagsCacheTags = (tag: { slug: string }, related: Array<{ slug: string }>): string[] => [
  ...new Set([CACHE_TAGS.all, CACHE_TAGS.tag(tag.slug), CACHE_TAGS.tagLabel(tag.slug), ...related.map((t) => CACHE_TAGS.tagLabel(t.slug))]),
];

/** The sitemaps: the index follows every section; a section follows its list. */
export const sitemapCacheTags = (file: 'index' | 'news' | 'articles' | 'tags' | 'sources'): string[] => [
  CACHE_TAGS.all,
  ...(file === 'index' ? (['articles', 'tags', 'sources'] as const) : file === 'news' ? (['articles'] as const) : [file]).map(CACHE_TAGS.list),
];
