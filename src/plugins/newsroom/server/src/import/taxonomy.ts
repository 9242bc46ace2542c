import type { Core } from '@strapi/strapi';
import { aliasKey, knownOutlet, tagKey, type SummaryBuilder } from '../lib/import';

export const TAG = 'api::tag.tag';
export const SOURCE = 'api::source.source';

export interface Term {
  id: number;
  name: string;
}

export interface Taxonomy {
  /** The tags named, found or created, without repeats, in the order named. */
  tags(names: string[]): Promise<Term[]>;
  /** The sources named (by name or alias), found or created, without repeats, in the order named. */
  sources(names: string[]): Promise<Term[]>;
}

const uniqueById = (terms: Term[]): Term[] => [...new Map(terms.map((term) => [term.id, term])).values()];

const aliasesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((alias): alias is string => typeof alias === 'string') : [];

/**
 * The tags and sources an import links articles to. Tags are found by name
 * case-insensitively, sources by name or alias; new ones are created
 * through the Document Service, so slugs and every other middleware apply
 * (a known outlet gets its URL and aliases from outlets.json).
 * Every tag and source is read once per import: a few thousand small rows,
 * where a lookup per article would cost a query each.
 */
export async function loadTaxonomy(strapi: Core.Strapi, summary: SummaryBuilder): Promise<Taxonomy> {
  const tagsByKey = new Map<string, Term>();
  const tagRows: Term[] = await strapi.db.query(TAG).findMany({ select: ['id', 'name'], orderBy: { id: 'asc' } });
  for (const row of tagRows) if (!tagsByKey.has(tagKey(row.name))) tagsByKey.set(tagKey(row.name), row);

  const sourcesByKey = new Map<string, Term>();
  const remember = (source: Term, names: string[]): void => {
    for (const name of names) if (!sourcesByKey.has(aliasKey(name))) sourcesByKey.set(aliasKey(name), source);
  };
  const sourceRows: Array<Term & { aliases: unknown }> = await strapi.db
    .query(SOURCE)
    .findMany({ select: ['id', 'name', 'aliases'], orderBy: { id: 'asc' } });
  for (const { aliases, ...source } of sourceRows) remember(source, [source.name, ...aliasesOf(aliases)]);

  async function tag(name: string): Promise<Term> {
    const found = tagsByKey.get(tagKey(name));
    if (found) return found;
    const created = (await strapi.documents(TAG).create({ data: { name } })) as unknown as Term;
    const term = { id: created.id, name: created.name };
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
    const data = outlet ? { name: outlet.name, url: outlet.url, aliases: outlet.aliases } : { name, aliases: [] };
    const created = (await strapi.documents(SOURCE).create({ data })) as unknown as Term;
    const term = { id: created.id, name: created.name };
    remember(term, names);
    summary.sourceCreated(term.name);
    return term;
  }

  return {
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
