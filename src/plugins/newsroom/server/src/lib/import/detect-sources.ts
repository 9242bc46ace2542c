import { attributedOutlets } from './attribution-patterns';
import { aliasIndex, aliasKey, compileMatcher, findKnown } from './known-outlets';
import type { DetectedSource, Outlet } from './outlet-types';
import outletList from './outlets.json';

/**
 * Finds the news outlets an article's text cites: known outlets by name or
 * alias, and unknown ones from attribution phrases ("according to X",
 * "X reported", "citing X", ...). A wrong source on an article is worse than
 * a missing one, so the unknown-outlet rules are conservative.
 */

export { aliasKey } from './known-outlets';
export type { DetectedSource, Outlet } from './outlet-types';

export const KNOWN_OUTLETS: readonly Outlet[] = outletList;

export function detectSources(text: string, known: readonly Outlet[] = KNOWN_OUTLETS): DetectedSource[] {
  const matcher = compileMatcher(known);
  const hits = [...findKnown(text, matcher), ...attributedOutlets(text, matcher)].sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const sources: DetectedSource[] = [];
  for (const hit of hits) {
    if (seen.has(hit.key)) continue;
    seen.add(hit.key);
    sources.push({ name: hit.name, matched: hit.matched, via: hit.via });
  }
  return sources;
}

/** The known outlet that `name` names (its name or an alias), if any. */
export function knownOutlet(name: string, known: readonly Outlet[] = KNOWN_OUTLETS): Outlet | undefined {
  return aliasIndex(known).get(aliasKey(name));
}
