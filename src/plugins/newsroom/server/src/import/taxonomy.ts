import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import { newEntryDefaults } from '../lib/content-rules';
import { aliasKey, knownOutlet, tagKey, type SummaryBuilder } from '../lib/import';
import { aliasStrings, termKey } from '../lib/term-names';
import { chunked } from '../utils/chunked';
import { getService } from '../utils/get-service';

const TAG = UIDS.tag;
const SOURCE = UIDS.source;

export interface Term {
  id: number;
  name: string;
  slug: string;
}

export interface NamedTerms {
  tags: string[];
  sources: string[];
}

export interface Taxonomy {
  /**
   * Each article's tags and sources, found or created, without repeats, in
   * the order named; the new ones of all the articles created together, in
   * the order first named.
   */
  resolve(articles: NamedTerms[]): Promise<Array<{ tags: Term[]; sources: Term[] }>>;
  /** Slugs of the tags and sources this import created; `redirects`: one took a retired slug, whose redirect went. */
  created: { tags: string[]; sources: string[]; redirects: boolean };
}

const uniqueById = (terms: Term[]): Term[] => [...new Map(terms.map((term) => [term.id, term])).values()];

type NamedTerm = Term & { aliases: unknown };

/**
 * The tags and sources an import links articles to. Tags are found by name
 * or alias, case and spacing aside ("Beta" after Beta was merged into Alpha
 * finds Alpha), through the names index (services/term-names.ts): once per
 * name an import has not met yet, all of an article's together. Sources are
 * found by name or alias too, among all of them, read once per import (a
 * few hundred rows; their key also drops a leading "the", which the names
 * index does not). A known outlet is created with its URL and aliases from
 * outlets.json.
 * New ones are written like the import's articles, a batch's together (one
 * by one they were a quarter of a PostgreSQL import's queries), through the Query Engine
 * with the content rules' slugs, defaults and aliases, and indexed by name:
 * the Document Service would also queue an event per entry, each loading the
 * entry with all its articles once the import commits (thousands of queries
 * after a large import).
 */
export async function loadTaxonomy(strapi: Core.Strapi, summary: SummaryBuilder): Promise<Taxonomy> {
  const termNames = getService(strapi, 'term-names');
  const tagsByKey = new Map<string, Term>();

  const sourcesByKey = new Map<string, Term>();
  const remember = (source: Term, names: string[]): void => {
    for (const name of names) if (!sourcesByKey.has(aliasKey(name))) sourcesByKey.set(aliasKey(name), source);
  };
  const sourceRows: Array<Term & { aliases: unknown }> = await strapi.db
    .query(SOURCE)
    .findMany({ select: ['id', 'name', 'slug', 'aliases'], orderBy: { id: 'asc' } });
  for (const { aliases, ...source } of sourceRows) remember(source, [source.name, ...aliasStrings(aliases)]);

  const created = { tags: [] as string[], sources: [] as string[], redirects: false };

  /** Tags and sources have no draft & publish: one row each, published when created; in the order given. */
  async function createAll(uid: typeof TAG | typeof SOURCE, data: Array<{ name: string; url?: string; aliases?: string[] }>): Promise<Term[]> {
    if (data.length === 0) return [];
    const rules = getService(strapi, 'content-rules');
    const slugs = (await rules.slugs(uid, data.map(({ name }) => ({ name })))) as string[];
    const publishedAt = new Date();
    const rows = [];
    for (const [i, entry] of data.entries()) {
      const defaults = newEntryDefaults(uid, entry);
      rows.push({ ...defaults, aliases: await rules.aliases(uid, defaults), slug: slugs[i], publishedAt });
    }
    await strapi.db.query(uid).createMany({ data: rows });
    const stored = new Map<string, { id: number; documentId: string }>();
    for (const chunk of chunked(slugs)) {
      const found: Array<{ id: number; documentId: string; slug: string }> = await strapi.db
        .query(uid)
        .findMany({ where: { slug: { $in: chunk } }, select: ['id', 'documentId', 'slug'] });
      for (const row of found) stored.set(row.slug, row);
    }
    const type = uid === TAG ? 'tag' : 'source';
    await termNames.sync(type, slugs.map((slug) => stored.get(slug)!.id));
    // A slug may be one a renamed or deleted term left: it answers for the new term now.
    const changes = slugs.map((slug) => ({ documentId: stored.get(slug)!.documentId, before: null, after: slug }));
    if (await getService(strapi, 'slug-history').followAll(type, changes)) created.redirects = true;
    created[uid === TAG ? 'tags' : 'sources'].push(...slugs);
    return data.map((entry, i) => ({ id: stored.get(slugs[i])!.id, name: entry.name, slug: slugs[i] }));
  }

  /**
   * Reads the tags of the names not met yet: candidates from the names index
   * (whose keys also drop accents and punctuation), kept when the name or an
   * alias is the name asked for, case and spacing aside; a tag named so
   * before one aliased so.
   */
  async function findTags(wanted: string[]): Promise<void> {
    const unseen = wanted.filter((name) => !tagsByKey.has(tagKey(name)));
    if (unseen.length === 0) return;
    const candidates = await termNames.findByName('tag', unseen);
    const ids = [...new Set([...candidates.values()].flat())];
    const rows: NamedTerm[] = ids.length > 0 ? await strapi.db.query(TAG).findMany({ where: { id: { $in: ids } }, select: ['id', 'name', 'slug', 'aliases'] }) : [];
    const byId = new Map(rows.map(({ aliases, ...term }) => [term.id, { term, keys: [term.name, ...aliasStrings(aliases)].map(tagKey) }]));
    for (const name of unseen) {
      const key = tagKey(name);
      const found = (candidates.get(termKey(name)) ?? []).map((id) => byId.get(id)).find((candidate) => candidate?.keys.includes(key));
      if (found) tagsByKey.set(key, found.term);
    }
  }

  async function createTags(names: string[]): Promise<void> {
    // Each new tag named as first met ("Beta" before "beta").
    const firstNames = new Map<string, string>();
    for (const name of names) if (!tagsByKey.has(tagKey(name)) && !firstNames.has(tagKey(name))) firstNames.set(tagKey(name), name);
    const wanted = [...firstNames.values()];
    for (const term of await createAll(TAG, wanted.map((name) => ({ name })))) {
      tagsByKey.set(tagKey(term.name), term);
      summary.tagCreated(term.name);
    }
  }

  // A known outlet may be stored under any of its names ("ТАСС" finds "TASS").
  const namesOf = (name: string): string[] => {
    const outlet = knownOutlet(name);
    return outlet ? [name, outlet.name, ...outlet.aliases] : [name];
  };
  const storedSource = (name: string): Term | undefined => namesOf(name).map((candidate) => sourcesByKey.get(aliasKey(candidate))).find(Boolean);

  async function createSources(names: string[]): Promise<void> {
    const wanted: Array<{ name: string; names: string[] }> = [];
    const pending = new Set<string>();
    for (const name of names) {
      const keys = namesOf(name).map(aliasKey);
      if (storedSource(name) || keys.some((key) => pending.has(key))) continue;
      keys.forEach((key) => pending.add(key));
      wanted.push({ name, names: namesOf(name) });
    }
    const data = wanted.map(({ name }) => {
      const outlet = knownOutlet(name);
      return outlet ? { name: outlet.name, url: outlet.url, aliases: outlet.aliases } : { name };
    });
    (await createAll(SOURCE, data)).forEach((term, i) => {
      remember(term, wanted[i].names);
      summary.sourceCreated(term.name);
    });
  }

  return {
    created,
    async resolve(articles) {
      const tagNames = articles.flatMap((article) => article.tags);
      await findTags(tagNames);
      await createTags(tagNames);
      await createSources(articles.flatMap((article) => article.sources));
      return articles.map((article) => ({
        tags: uniqueById(article.tags.map((name) => tagsByKey.get(tagKey(name))!)),
        sources: uniqueById(article.sources.map((name) => storedSource(name)!)),
      }));
    },
  };
}
