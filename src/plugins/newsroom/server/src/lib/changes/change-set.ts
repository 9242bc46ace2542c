import type { TermKind } from '../../../../shared/constants';
import type { BeforeAfter } from '../../../../shared/contracts/webhooks';

/** Lists of the public API: of tags, of sources, of redirects; `articles`: the published articles (the sitemaps). */
export type ListName = 'tags' | 'sources' | 'redirects' | 'articles';
export type { TermKind };

/**
 * What one write changed of the public pages, as its writer saw it inside
 * its transaction. Everything else (cache tags, URLs, paths, webhook bodies)
 * is derived from it (cache-tags.ts, page-urls.ts, payload.ts).
 */
export interface ChangeSet {
  /** documentIds of the articles whose published version changed (appeared, changed, went). */
  articles: string[];
  /** Their slugs, before and after: the reader-facing article pages. */
  articleSlugs: string[];
  /** Tags whose pages changed, by slug: what they were before the write, and after. */
  tags: BeforeAfter;
  sources: BeforeAfter;
  /** Terms whose label (name, slug; a source's url) changed or went: every page naming them changed. */
  labels: { tags: string[]; sources: string[] };
  /** Lists whose membership, counts or order changed. */
  lists: ListName[];
  /** Anything may have changed (the index rebuilt, a restore): every page. */
  all: boolean;
}

export const emptyChangeSet = (): ChangeSet => ({
  articles: [],
  articleSlugs: [],
  tags: { before: [], after: [] },
  sources: { before: [], after: [] },
  labels: { tags: [], sources: [] },
  lists: [],
  all: false,
});

const union = <T extends string>(...lists: T[][]): T[] => [...new Set(lists.flat())].sort();

/** One change set covering all of them (coalescing, or a writer's several steps). */
export function mergeChangeSets(...sets: ChangeSet[]): ChangeSet {
  return {
    articles: union(...sets.map((s) => s.articles)),
    articleSlugs: union(...sets.map((s) => s.articleSlugs)),
    tags: { before: union(...sets.map((s) => s.tags.before)), after: union(...sets.map((s) => s.tags.after)) },
    sources: { before: union(...sets.map((s) => s.sources.before)), after: union(...sets.map((s) => s.sources.after)) },
    labels: { tags: union(...sets.map((s) => s.labels.tags)), sources: union(...sets.map((s) => s.labels.sources)) },
    lists: union(...sets.map((s) => s.lists)),
    all: sets.some((s) => s.all),
  };
}

export const isEmptyChangeSet = (set: ChangeSet): boolean =>
  !set.all &&
  set.articles.length === 0 &&
  set.tags.before.length + set.tags.after.length + set.sources.before.length + set.sources.after.length === 0 &&
  set.labels.tags.length + set.labels.sources.length === 0 &&
  set.lists.length === 0;

/** Every slug of a kind the set names, before or after. */
export const termsOf = (set: ChangeSet, kind: TermKind): string[] => union(set[kind].before, set[kind].after);
