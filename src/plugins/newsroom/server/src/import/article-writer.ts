import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SLUGGED_TYPES, uniqueSlug } from '../document-middlewares/slugs';
import { relationLimitProblem } from '../lib/article-relations';
import { DocumentError, type ArticleAction, type PlannedArticle } from '../lib/import';
import { slugBase } from '../lib/slug';
import type { Taxonomy, Term } from './taxonomy';

export const ARTICLE = 'api::article.article';

/**
 * The bulk write path of the importer. The Document Service writes about 75
 * articles a second here (create + publish, with tags and sources); this
 * writes the same rows a batch at a time through the Query Engine and the
 * link tables' real names from `strapi.db.metadata`:
 * - a draft row, and a published row with the same documentId unless the
 *   article is a draft; the documentId is Strapi's own default for the
 *   column, generated on the draft's insert and copied to the published row;
 * - slugs as the slug middleware makes them, and the excerpt the excerpt
 *   middleware would store (computed when the article is planned, by the
 *   same engine with the excerpt service's settings);
 * - link rows for both rows, ordered as Strapi orders them: an article's
 *   tags 1..n in the order given, and on the tag's side one more than the
 *   tag's highest order, the same for the draft and the published link.
 * Integration tests check that an article written here reads back through
 * the Document Service and the REST API like one created by it.
 *
 * An article found again (same importKey) is not rewritten: editors may have
 * changed it since. Only the tags and sources it lacks are linked, to its
 * draft and its published version alike (without publishing the draft).
 */

export interface WrittenArticle {
  action: ArticleAction;
  documentId: string;
  sources: string[];
}

export interface ArticleWriterOptions {
  trx: Knex.Transaction;
  file: string;
  taxonomy: Taxonomy;
}

interface LinkTable {
  name: string;
  /** Column holding the article row's id. */
  article: string;
  /** Column holding the tag's or source's id. */
  target: string;
  /** Order of the target among the article's. */
  order: string;
  /** Order of the article among the target's. */
  inverseOrder: string;
}

interface StoredDocument {
  documentId: string;
  /** Its draft row, and its published row if any. */
  rowIds: number[];
}

interface LinkRequest {
  document: StoredDocument;
  targets: Term[];
  /** The article's line in the document, for messages. */
  line: number;
}

function linkTable(strapi: Core.Strapi, attribute: 'tags' | 'sources'): LinkTable {
  const { joinTable } = strapi.db.metadata.get(ARTICLE).attributes[attribute] as any;
  return {
    name: joinTable.name,
    article: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName,
    inverseOrder: joinTable.inverseOrderColumnName,
  };
}

const chunked = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createArticleWriter(strapi: Core.Strapi, opts: ArticleWriterOptions) {
  const articles = strapi.db.query(ARTICLE);
  const batchSize = strapi.db.dialect.getBatchInsertSize();
  const table = (name: string) => strapi.db.getConnection(name).transacting(opts.trx);
  const links = { tags: linkTable(strapi, 'tags'), sources: linkTable(strapi, 'sources') };
  // Highest inverse order per tag / source id, read on first use and kept up
  // to date here: the import's transaction is the only writer.
  const highestInverseOrder = { tags: new Map<number, number>(), sources: new Map<number, number>() };
  // Article rows now, and when PostgreSQL's statistics were last taken (-1: not counted yet).
  const articleRows = { now: -1, analyzed: 0 };

  async function findDocuments(importKeys: string[]): Promise<Map<string, StoredDocument>> {
    const rows: Array<{ id: number; documentId: string; importKey: string }> = await articles.findMany({
      where: { importKey: { $in: importKeys } },
      select: ['id', 'documentId', 'importKey'],
      orderBy: { id: 'asc' },
    });
    const found = new Map<string, StoredDocument>();
    for (const row of rows) {
      const document = found.get(row.importKey) ?? { documentId: row.documentId, rowIds: [] };
      document.rowIds.push(row.id);
      found.set(row.importKey, document);
    }
    return found;
  }

  /** Slugs as the slug middleware would make them; a slug the document gives must be free. */
  async function slugsFor(batch: PlannedArticle[]): Promise<string[]> {
    const { fallbackPrefix } = SLUGGED_TYPES[ARTICLE];
    const wanted = batch.map((article) => article.slug ?? slugBase(article.title, fallbackPrefix));
    const takenRows: Array<{ slug: string }> = await articles.findMany({
      where: { slug: { $in: [...new Set(wanted)] } },
      select: ['slug'],
    });
    const taken = new Set(takenRows.map((row) => row.slug));
    const assigned = new Set<string>();
    const slugs: string[] = [];
    for (const [i, article] of batch.entries()) {
      let slug = wanted[i];
      if (taken.has(slug) || assigned.has(slug)) {
        if (article.slug) throw new DocumentError(opts.file, article.line, `slug "${slug}" is already used by another article`);
        slug = await uniqueSlug(strapi, ARTICLE, article.title, undefined, assigned);
      }
      assigned.add(slug);
      slugs.push(slug);
    }
    return slugs;
  }

  /** Inserts the articles' rows; their documents by importKey. */
  async function insert(batch: PlannedArticle[]): Promise<Map<string, StoredDocument>> {
    if (batch.length === 0) return new Map();
    const slugs = await slugsFor(batch);
    const now = new Date();
    const rows = batch.map((article, i) => ({
      title: article.title,
      slug: slugs[i],
      body: article.body,
      customExcerpt: article.customExcerpt,
      excerpt: article.excerpt,
      importKey: article.importKey,
      createdAt: now,
      updatedAt: now,
    }));
    const importKeys = batch.map((article) => article.importKey);
    await articles.createMany({ data: rows.map((row) => ({ ...row, publishedAt: null })) });
    const drafts = await findDocuments(importKeys);
    const published = batch.flatMap((article, i) =>
      article.publishedAt
        ? [{ ...rows[i], documentId: drafts.get(article.importKey)!.documentId, publishedAt: article.publishedAt }]
        : [],
    );
    if (published.length === 0) return drafts;
    await articles.createMany({ data: published });
    return findDocuments(importKeys);
  }

  async function nextInverseOrders(kind: 'tags' | 'sources', targetIds: number[]): Promise<Map<number, number>> {
    const known = highestInverseOrder[kind];
    const link = links[kind];
    const unknown = [...new Set(targetIds)].filter((id) => !known.has(id));
    for (const ids of chunked(unknown, batchSize)) {
      const rows: Array<{ target: number; highest: number | string | null }> = await table(link.name)
        .select({ target: link.target })
        .max({ highest: link.inverseOrder })
        .whereIn(link.target, ids)
        .groupBy(link.target);
      for (const id of ids) known.set(id, 0);
      for (const row of rows) known.set(Number(row.target), Number(row.highest ?? 0));
    }
    return known;
  }

  /**
   * Links each document to the targets it lacks, on each of its rows;
   * whether each request added anything.
   */
  async function link(kind: 'tags' | 'sources', requests: LinkRequest[]): Promise<boolean[]> {
    const link = links[kind];
    const rowIds = requests.flatMap((request) => request.document.rowIds);
    const linked = new Map<number, { targets: Set<number>; highestOrder: number }>(
      rowIds.map((id) => [id, { targets: new Set(), highestOrder: 0 }]),
    );
    for (const ids of chunked([...linked.keys()], batchSize)) {
      const rows: Array<Record<string, number>> = await table(link.name)
        .select(link.article, link.target, link.order)
        .whereIn(link.article, ids);
      for (const row of rows) {
        const state = linked.get(Number(row[link.article]))!;
        state.targets.add(Number(row[link.target]));
        state.highestOrder = Math.max(state.highestOrder, Number(row[link.order] ?? 0));
      }
    }
    const inverseOrders = await nextInverseOrders(kind, requests.flatMap((request) => request.targets.map((t) => t.id)));
    const inserts: Array<Record<string, number>> = [];
    const added = requests.map(({ document, targets, line }) => {
      let changed = false;
      for (const target of targets) {
        const missing = document.rowIds.filter((id) => !linked.get(id)!.targets.has(target.id));
        if (missing.length === 0) continue;
        // One position on the target's side for the document: its draft and published links share it.
        const inverseOrder = inverseOrders.get(target.id)! + 1;
        inverseOrders.set(target.id, inverseOrder);
        for (const id of missing) {
          const state = linked.get(id)!;
          state.targets.add(target.id);
          state.highestOrder += 1;
          inserts.push({
            [link.article]: id,
            [link.target]: target.id,
            [link.order]: state.highestOrder,
            [link.inverseOrder]: inverseOrder,
          });
        }
        changed = true;
      }
      // An article found again keeps its links: the new ones must still fit.
      for (const id of document.rowIds) {
        const problem = relationLimitProblem(kind, linked.get(id)!.targets.size);
        if (problem) throw new DocumentError(opts.file, line, problem);
      }
      return changed;
    });
    for (const rows of chunked(inserts, batchSize)) await table(link.name).insert(rows);
    return added;
  }

  /**
   * PostgreSQL plans from table statistics, and a table filled inside this
   * transaction has none until autovacuum runs after the commit: without them
   * it scans every article for each batch's importKey lookup. Refreshed each
   * time the import has doubled the table. (SQLite uses the index regardless.)
   */
  async function keepStatistics(insertedRows: number): Promise<void> {
    if (strapi.db.dialect.client !== 'postgres') return;
    if (articleRows.now < 0) articleRows.now = articleRows.analyzed = (await articles.count()) - insertedRows;
    articleRows.now += insertedRows;
    if (articleRows.now < 2 * articleRows.analyzed) return;
    for (const name of [strapi.db.metadata.get(ARTICLE).tableName, links.tags.name, links.sources.name]) {
      await opts.trx.raw('ANALYZE ??', [name]);
    }
    articleRows.analyzed = articleRows.now;
  }

  return {
    /** Writes a batch of articles, in document order; what happened to each. */
    async write(batch: PlannedArticle[]): Promise<WrittenArticle[]> {
      const targets: Array<{ tags: Term[]; sources: Term[] }> = [];
      for (const article of batch) {
        targets.push({ tags: await opts.taxonomy.tags(article.tags), sources: await opts.taxonomy.sources(article.sources) });
      }
      const existing = await findDocuments([...new Set(batch.map((article) => article.importKey))]);
      // The first of the batch's articles with a new importKey is created; later ones are the same article again.
      const firstSeen = new Map<string, number>();
      batch.forEach((article, i) => {
        if (!existing.has(article.importKey) && !firstSeen.has(article.importKey)) firstSeen.set(article.importKey, i);
      });
      const created = await insert([...firstSeen.values()].map((i) => batch[i]));
      await keepStatistics([...created.values()].reduce((rows, document) => rows + document.rowIds.length, 0));
      const documentOf = (article: PlannedArticle): StoredDocument =>
        existing.get(article.importKey) ?? created.get(article.importKey)!;

      const requests = (kind: 'tags' | 'sources'): LinkRequest[] =>
        batch.map((article, i) => ({ document: documentOf(article), targets: targets[i][kind], line: article.line }));
      const tagsAdded = await link('tags', requests('tags'));
      const sourcesAdded = await link('sources', requests('sources'));
      return batch.map((article, i) => ({
        action: firstSeen.get(article.importKey) === i ? 'created' : tagsAdded[i] || sourcesAdded[i] ? 'updated' : 'unchanged',
        documentId: documentOf(article).documentId,
        sources: targets[i].sources.map((source) => source.name),
      }));
    },
  };
}
