import { emptyChangeSet, type ChangeSet, type TermKind } from './change-set';

/** A tag or a source as pages show it. */
export interface TermState {
  slug: string;
  /** What other pages show of it (its name; a source's url too), as one string. */
  label: string;
  /** What only its own pages show (its description, SEO fields), as one string. */
  details: string;
  /** Its aliases, one a line: its own page and the lists show them (and `q=` finds it by them). */
  aliases: string;
  /** documentIds of the published articles linked to it, when the write touched its links. */
  articles?: string[];
}

/**
 * The change of a tag's or a source's pages from its state before a write
 * and after it (null: it did not exist). Tags and sources alike: one rule,
 * two uses.
 */
export function termChange(kind: TermKind, before: TermState | null, after: TermState | null): ChangeSet {
  const change = emptyChangeSet();
  if (!before && !after) return change;
  const relabelled = !before || !after || before.label !== after.label || before.slug !== after.slug;
  const moved = diff(before?.articles, after?.articles);
  const realiased = before?.aliases !== after?.aliases;
  if (!relabelled && !realiased && moved.length === 0 && before!.details === after!.details) return change;
  change[kind] = { before: before ? [before.slug] : [], after: after ? [after.slug] : [] };
  // A new tag has no page naming it yet; a renamed or deleted one is named on other pages.
  if (before && relabelled) change.labels[kind] = [...new Set([before.slug, ...(after ? [after.slug] : [])])];
  change.articles = moved;
  // The lists show every field of a term and its count (and `?all=true` tags without articles), and so do
  // the sitemaps (`noindex`); `q=` searches aliases.
  change.lists = [kind];
  return change;
}

/** Articles linked on one side only; none when the write did not read links. */
function diff(before: string[] | undefined, after: string[] | undefined): string[] {
  if (!before && !after) return [];
  const a = new Set(before ?? []);
  const b = new Set(after ?? []);
  return [...new Set([...a].filter((x) => !b.has(x)).concat([...b].filter((x) => !a.has(x))))].sort();
}
