import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import { newEntryDefaults } from '../lib/content-rules';
import { aliasKey, knownOutlet, tagKey, type SummaryBuilder } from '../lib/import';
import { getService } from '../utils/get-service';

const TAG = UIDS.tag;
const SOURCE = UIDS.source;

export interface Term {
  id: number;
  name: string;
  slug: string;
}

export interface Taxonomy {
  /** The tags named, found or created, without repeats, in the order named. */
  tags(names: string[]): Promise<Term[]>;
  /** Slugs of the tags and sources this import created. */
  created: { tags: string[]; sources: string[] };
  /** The sources named (by name or alias), found or created, without repeats, in the order named. */
  sources(names: string[]): Promise<Term[]>;
}

const uniqueById = (terms: Term[]): Term[] => [...new Map(terms.map((term) => [term.id, term])).values()];

const aliasesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((alias): alias is string => typeof alias === 'string') : [];

/**
 * The tags and sources an import links articles to. Tags are found by name
 * case-insensitively, sources by name or alias; a known outlet is created
 * with its URL and aliases from outlets.json.
 * New ones are written like the import's articles, through the Query Engine
 * with the content rules' slugs and defaults: the Document Service would also queue an
 * event per entry, each loading the entry with all its articles once the
 * import commits (thousands of queries after a large import).
 * Every tag and source is read once per import: a few thousand small rows,
 * where a lookup per article would cost a query each.
 */
export async function loadTaxonomy(strapi: Core.Strapi, summary: SummaryBuilder): Promise<Taxonomy> {
  const tagsByKey = new Map<string, Term>();
  const tagRows: Term[] = await strapi.db.query(TAG).findMany({ select: ['id', 'name', 'slug'], orderBy: { id: 'asc' } });
  for (const row of tagRows) if (!tagsByKey.has(tagKey(row.name))) tagsByKey.set(tagKey(row.name), row);

  const sourcesByKey = new Map<string, Term>();
  const remember = (source: Term, names: string[]): void => {
    for (const name of names) if (!sourcesByKey.has(aliasKey(name))) sourcesByKey.set(aliasKey(name), source);
  };
  const sourceRows: Array<Term & { aliases: unknown }> = await strapi.db
    .query(SOURCE)
    .findMany({ select: ['id', 'name', 'slug', 'aliases'], orderBy: { id: 'asc' } });
  for (const { aliases, ...source } of sourceRows) remember(source, [source.name, ...aliasesOf(aliases)]);

  const created = { tags: [] as string[], sources: [] as string[] };

  /** Tags and sources have no draft & publish: one row, published when created. */
  async function create(uid: typeof TAG | typeof SOURCE, data: { name: string }): Promise<Term> {
    const [slug] = await getService(strapi, 'content-rules').slugs(uid, [{ name: data.name }]);
    const stored = { ...newEntryDefaults(uid, data), slug, publishedAt: new Date() };
    const { id } = await strapi.db.query(uid).create({ data: stored, select: ['id'] });
    created[uid === TAG ? 'tags' : 'sources'].push(slug!);
    return { id, name: data.name, slug: slug! };
  }

  async function tag(name: string): Promise<Term> {
    const found = tagsByKey.get(tagKey(name));
    if (found) return found;
    const term = await create(TAG, { name });
    tagsByKey.set(tagKey(name), term);
    summary.tagCreated(term.name);
    return term;
  }

  async function source(name: string): Promise<Term> {
    // A known outlet may be stored under any of its names ("ТАСС" finds "TASS").
    const outlet = knownOutlet(name);
    const names = outlet ? [name, outlet.name, ...outlet.aliases] : [name];
    const found = names.map((candidate) => sourcesByKey.get(aliasKey(candidate))).find(Boolean);
    if (found) return found;
    const data = outlet ? { name: outlet.name, url: outlet.url, aliases: outlet.aliases } : { name };
    const term = await create(SOURCE, data);
    remember(term, names);
    summary.sourceCreated(term.name);
    return term;
  }

  return {
    created,
    async tags(names) {
      const terms: Term[] = [];
      for (const name of names) terms.push(await tag(name));
      return uniqueById(terms);
    },
    async sources(names) {
      const terms: Term[] = [];
      for (const name of names) terms.push(await source(name));
      return uniqueById(terms);
    },
  };
}
