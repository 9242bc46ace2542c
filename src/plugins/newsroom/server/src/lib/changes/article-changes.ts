import { emptyChangeSet, type ChangeSet } from './change-set';

/** What readers see of an article: its published version, with the slugs of its tags and sources. */
export interface PublishedArticle {
  documentId: string;
  slug: string;
  /** Identifies the published row as written (its id and updatedAt): unchanged, so is every page showing it. */
  version: string;
  tags: string[];
  sources: string[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The change of one article's public pages, from its published version
 * before a write and after it (null: not published). A draft edit leaves the
 * published version as it was: no change. A move from tag A to B touches
 * both; an unpublish, every tag it was on.
 */
export function articleChange(before: PublishedArticle | null, after: PublishedArticle | null): ChangeSet {
  const change = emptyChangeSet();
  if (!before && !after) return change;
  if (before && after && before.version === after.version && sameSet(before.tags, after.tags) && sameSet(before.sources, after.sources)) {
    return change;
  }
  const documentId = (after ?? before)!.documentId;
  change.articles = [documentId];
  change.articleSlugs = [...new Set([before?.slug, after?.slug].filter((slug): slug is string => Boolean(slug)))];
  change.tags = { before: before?.tags ?? [], after: after?.tags ?? [] };
  change.sources = { before: before?.sources ?? [], after: after?.sources ?? [] };
  // The sitemaps list every published article with its last change.
  change.lists.push('articles');
  // Counts move when the article comes or goes, or changes terms.
  if (!before || !after || !sameSet(before.tags, after.tags)) change.lists.push('tags');
  if (!before || !after || !sameSet(before.sources, after.sources)) change.lists.push('sources');
  return change;
}
