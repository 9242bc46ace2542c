import { PAGES_CHANGED_EVENT } from '../../../../shared/constants';
import type { PagesChangedPayload } from '../../../../shared/contracts/webhooks';
import { cacheTagsOf } from './cache-tags';
import { emptyChangeSet, termsOf, type ChangeSet } from './change-set';
import { pathsOf, urlsOf, type PageLocations } from './page-urls';

/** A piece of a change and the entries (URLs, paths, tags, ids) it adds to a body. */
type Unit = { weight: number; add(part: ChangeSet): void };

function unitsOf(change: ChangeSet): Unit[] {
  const units: Unit[] = [];
  for (const kind of ['tags', 'sources'] as const) {
    for (const slug of termsOf(change, kind)) {
      units.push({
        // A tag: its slug, five URLs, a path and its cache tag.
        weight: kind === 'tags' ? 8 : 2,
        add(part) {
          if (change[kind].before.includes(slug)) part[kind].before.push(slug);
          if (change[kind].after.includes(slug)) part[kind].after.push(slug);
        },
      });
    }
  }
  for (const documentId of change.articles) units.push({ weight: 2, add: (part) => void part.articles.push(documentId) });
  for (const slug of change.articleSlugs) units.push({ weight: 1, add: (part) => void part.articleSlugs.push(slug) });
  return units;
}

/**
 * A change as webhook bodies: one, or several when it would list more than
 * `maxEntries` URLs, paths, cache tags and ids, each a complete change of its
 * own (a receiver may handle every part alone). Labels and lists ride in the
 * first part.
 */
export function splitChange(change: ChangeSet, maxEntries: number): ChangeSet[] {
  const first = emptyChangeSet();
  first.labels = { tags: [...change.labels.tags], sources: [...change.labels.sources] };
  first.lists = [...change.lists];
  first.all = change.all;
  const parts = [first];
  // A list is a cache tag and up to three URLs (page-urls.ts LIST_URLS).
  let used = first.labels.tags.length + first.labels.sources.length + 4 * first.lists.length;
  for (const unit of unitsOf(change)) {
    if (used + unit.weight > maxEntries && used > 0) {
      parts.push(emptyChangeSet());
      used = 0;
    }
    unit.add(parts[parts.length - 1]);
    used += unit.weight;
  }
  return parts;
}

export interface EventIdentity {
  id: string;
  createdAt: Date;
}

/** The bodies of one event, version 1 (shared/contracts/webhooks.ts). */
export function buildPayloads(change: ChangeSet, event: EventIdentity, where: PageLocations, maxEntries: number): PagesChangedPayload[] {
  const parts = splitChange(change, maxEntries);
  return parts.map((part, i) => ({
    version: 1,
    event: PAGES_CHANGED_EVENT,
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    part: i + 1,
    parts: parts.length,
    tags: part.tags,
    sources: part.sources,
    articles: part.articles,
    urls: urlsOf(part, where),
    paths: pathsOf(part, where),
    cacheTags: cacheTagsOf(part),
  }));
}
