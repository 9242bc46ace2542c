import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import { newEntryDefaults } from '../lib/content-rules';
import { aliasKey, knownOutlet, tagKey, type SummaryBuilder } from '../lib/import';
import { aliasStrings, termKey } from '../lib/term-names';
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
  /** Slugs of the tags and sources this import created; `redirects`: one took a retired slug, whose redirect went. */
  created: { tags: string[]; sources: string[]; redirects: boolean };
  /** The sources named (by name or alias), found or created, without repeats, in the order named. */
  sources(names: string[]): Promise<Term[]>;
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
 * New ones are written like the import's articles, through the Query Engine
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

  /** Tags and sources have no draft & publish: one row, published when created. */
  async function create(uid: typeof TAG | typeof SOURCE, data: { name: string; aliases?: string[] }): Promise<Term> {
    const rules = getService(strapi, 'content-rules');
    const [slug] = await rules.slugs(uid, [{ name: data.name }]);
    const defaults = newEntryDefaults(uid, data);
    const stored = { ...defaults, aliases: await rules.aliases(uid, defaults), slug, publishedAt: new Date() };
    const { id, documentId } = await strapi.db.query(uid).create({ data: stored, select: ['id', 'documentId'] });
    const type = uid === TAG ? 'tag' : 'source';
    await termNames.sync(type, [id]);
    // Its slug may be one a renamed or deleted term left: it answers for this term now.
    if (await getService(strapi, 'slug-history').follow(type, { documentId, before: null, after: slug })) created.redirects = true;
    created[uid === TAG ? 'tags' : 'sources'].push(slug!);
    return { id, name: data.name, slug: slug! };
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
    async tags(wanted) {
      await findTags(wanted);
      const terms: Term[] = [];
      for (const name of wanted) terms.push(await tag(name));
      return uniqueById(terms);
    },
    async sources(names) {
      const terms: Term[] = [];
      for (const name of names) terms.push(await source(name));
      return uniqueById(terms);
    },
  };
}
