/**
 * What the redirects table becomes when a slug changes hands, as pure plans:
 * services/slug-history.ts applies them in the writer's transaction (and
 * previews them for a dry run with applyPlan). A row maps a retired slug to
 * the document that now answers for it, or to null (gone: 410), never to a
 * slug: so a chain a -> b -> c needs no rewrite, both old slugs name the
 * document whose slug is now c.
 */
export interface RedirectRow {
  from: string;
  /** documentId of the entry that has the page now; null: gone. */
  target: string | null;
}

export interface RedirectPlan {
  /** Rows pointing at a retired document that point at `to` instead (first). */
  repoint?: { from: string; to: string | null };
  /** Rows written, replacing any of the same slug (then). */
  write: RedirectRow[];
  /** With `keep`, a slug that already has a row keeps it: a merge wrote it before the delete that follows. */
  keep?: boolean;
  /** Slugs that are live again, whose rows go (last): a rename back, an entry taking a retired slug. */
  release: string[];
}

export const isEmptyPlan = (plan: RedirectPlan): boolean => !plan.repoint && plan.write.length === 0 && plan.release.length === 0;

/** An entry's public slug went from `before` to `after` (null: it had none, or has none now). */
export function renamePlan(documentId: string, before: string | null, after: string | null): RedirectPlan {
  if (before === after) return { write: [], release: [] };
  return {
    write: before && after ? [{ from: before, target: documentId }] : [],
    // The slug it takes answers for it now, whatever it led to before.
    release: after ? [after] : [],
  };
}

/**
 * The entry `documentId` with public slug `slug` goes: that slug and every one
 * that led to it lead to `target` now (a merge, a delete with a redirect), or
 * are gone.
 */
export function retirePlan(documentId: string, slug: string | null, target: string | null, options: { keep?: boolean } = {}): RedirectPlan {
  // No public slug (an article deleted unpublished): only the slugs that led to it.
  return { repoint: { from: documentId, to: target }, write: slug ? [{ from: slug, target }] : [], keep: options.keep, release: [] };
}

/** The rows after the plan: what the service's statements do, for previews and tests. */
export function applyPlan(rows: RedirectRow[], plan: RedirectPlan): RedirectRow[] {
  const table = new Map(rows.map((row) => [row.from, row.target]));
  if (plan.repoint) for (const [from, target] of table) if (target === plan.repoint.from) table.set(from, plan.repoint.to);
  for (const row of plan.write) if (!(plan.keep && table.has(row.from))) table.set(row.from, row.target);
  for (const from of plan.release) table.delete(from);
  return [...table].map(([from, target]) => ({ from, target }));
}
