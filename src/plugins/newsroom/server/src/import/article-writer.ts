import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UIDS } from '../../../shared/constants';
import { articleChange, emptyChangeSet, mergeChangeSets, termChange, type ChangeSet, type PublishedArticle } from '../lib/changes';
import { termPageRows, type PublishedArticleRow } from '../lib/content-rules';
import { DocumentError, type ArticleAction, type PlannedArticle } from '../lib/import';
import { chunked } from '../utils/chunked';
import { getService } from '../utils/get-service';
import { columnName } from '../utils/metadata';
import { createLinker, linkTable, type LinkRequest } from './article-links';
import type { Taxonomy, Term } from './taxonomy';

/**
 * The bulk write path of the importer. The Document Service writes about 75
 * articles a second here (create + publish, with tags and sources); this
 * writes the same rows a batch at a time through the Query Engine and the
 * link tables' real names from `strapi.db.metadata`, with the same content
 * rules (lib/content-rules, services/content-rules.ts; the parity test
 * compares every stored column and link row of both paths):
 * - a draft row, and a published row with the same documentId unless the
 *   article is a draft; the documentId is Strapi's own default for the
 *   column, generated on the draft's insert and copied to the published row;
 * - slugs from the rules' allocator, the excerpt computed when the article
 *   was planned (import/plan-worker.ts) by the rules' excerpt;
 * - links as Strapi orders them (import/article-links.ts), and the tag-page
 *   index rows of the published links it wrote, handed to the index as they
 *   are (no re-read).
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

interface StoredDocument {
  documentId: string;
  slug: string;
  /** Its draft row, and its published row if any. */
  rowIds: number[];
  published?: PublishedArticleRow;
}

type ArticleRow = { id: number; documentId: string; slug: string; importKey: string; publishedAt: string | Date | null };

export function createArticleWriter(strapi: Core.Strapi, opts: ArticleWriterOptions) {
  const articles = strapi.db.query(UIDS.article);
  const rules = getService(strapi, 'content-rules');
  const linkTags = createLinker(strapi, opts.trx, 'tags', opts.file);
  const linkSources = createLinker(strapi, opts.trx, 'sources', opts.file);
  // What each batch changed of the public pages (services/page-versions.ts records it once, at the end):
  // merged once, not batch by batch (that is quadratic in the import's size).
  const changed: ChangeSet[] = [];
  // Article rows now, and when PostgreSQL's statistics were last taken (-1: not counted yet).
  const articleRows = { now: -1, analyzed: 0 };

  async function findDocuments(importKeys: string[]): Promise<Map<string, StoredDocument>> {
    const rows: ArticleRow[] = await articles.findMany({
      where: { importKey: { $in: importKeys } },
      select: ['id', 'documentId', 'slug', 'importKey', 'publishedAt'],
      orderBy: { id: 'asc' },
    });
    const found = new Map<string, StoredDocument>();
    for (const row of rows) {
      const document = found.get(row.importKey) ?? { documentId: row.documentId, slug: row.slug, rowIds: [] };
      document.rowIds.push(row.id);
      if (row.publishedAt) document.published = { id: row.id, documentId: row.documentId, publishedAt: row.publishedAt };
      found.set(row.importKey, document);
    }
    return found;
  }

  /** Inserts the articles' rows; their documents by importKey. */
  async function insert(batch: PlannedArticle[]): Promise<Map<string, StoredDocument>> {
    if (batch.length === 0) return new Map();
    const slugs = await rules.slugs(UIDS.article, batch.map((article) => ({ name: article.title, wanted: article.slug })));
    const now = new Date();
    const rows = batch.map((article, i) => {
      if (!slugs[i]) throw new DocumentError(opts.file, article.line, `slug "${article.slug}" is already used by another article`);
      return {
        title: article.title,
        slug: slugs[i],
        body: article.body,
        customExcerpt: article.customExcerpt,
        byline: article.byline,
        excerpt: article.excerpt,
        importKey: article.importKey,
        createdAt: now,
        updatedAt: now,
      };
    });
    const importKeys = batch.map((article) => article.importKey);
    await articles.createMany({ data: rows.map((row) => ({ ...row, publishedAt: null })) });
    const drafts = await findDocuments(importKeys);
    const published = batch.flatMap((article) =>
      article.publishedAt ? [{ draftId: drafts.get(article.importKey)!.rowIds[0], publishedAt: new Date(article.publishedAt) }] : [],
    );
    if (published.length === 0) return drafts;
    await copyDrafts(published);
    return findDocuments(importKeys);
  }

  /**
   * The published rows as copies of their drafts made by the database itself
   * (`INSERT ... SELECT`), each with its publication date, in the batch's
   * order: the bodies cross the wire and are parsed (PostgreSQL's jsonb) once,
   * not twice. What the Document Service's publish does too: a copy of the draft.
   */
  async function copyDrafts(published: Array<{ draftId: number; publishedAt: Date }>): Promise<void> {
    const { tableName, attributes } = strapi.db.metadata.get(UIDS.article);
    const publishedAt = columnName(strapi, UIDS.article, 'publishedAt');
    const copied = Object.values(attributes as Record<string, { columnName?: string }>)
      .flatMap((attribute) => (attribute.columnName ? [attribute.columnName] : []))
      .filter((column) => column !== 'id' && column !== publishedAt);
    // VALUES' columns are column1, column2, ... on both SQLite and PostgreSQL; typed, for PostgreSQL.
    for (const chunk of chunked(published, 250)) {
      await opts.trx.raw(
        `INSERT INTO ?? (${copied.map(() => '??').join(', ')}, ??) SELECT ${copied.map(() => 'd.??').join(', ')}, v.column2 FROM ?? d ` +
          `JOIN (VALUES ${chunk.map(() => '(CAST(? AS INTEGER), CAST(? AS TIMESTAMP), CAST(? AS INTEGER))').join(', ')}) v ON v.column1 = d.id ORDER BY v.column3`,
        [tableName, ...copied, publishedAt, ...copied, tableName, ...chunk.flatMap((row, i) => [row.draftId, row.publishedAt, i])],
      );
    }
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
    const tables = [strapi.db.metadata.get(UIDS.article).tableName, linkTable(strapi, 'tags').name, linkTable(strapi, 'sources').name];
    for (const name of tables) await opts.trx.raw('ANALYZE ??', [name]);
    articleRows.analyzed = articleRows.now;
  }

  /** The index rows of the tag or source links just written to published rows. */
  function indexRows(documents: StoredDocument[], inserted: Array<{ rowId: number; targetId: number }>) {
    const published = new Map(documents.flatMap((document) => (document.published ? [[document.published.id, document.published] as const] : [])));
    return inserted.flatMap(({ rowId, targetId }) => {
      const article = published.get(rowId);
      return article ? termPageRows(article, [targetId]) : [];
    });
  }

  return {
    /** What the batches written so far changed of the public pages, new tags and sources included. */
    changes(): ChangeSet {
      const { created } = opts.taxonomy;
      const terms = (kind: 'tags' | 'sources') => created[kind].map((slug) => termChange(kind, null, { slug, label: '', details: '', aliases: '' }));
      return mergeChangeSets(...changed, ...terms('tags'), ...terms('sources'), { ...emptyChangeSet(), lists: created.redirects ? ['redirects'] : [] });
    },

    /** Writes a batch of articles, in document order; what happened to each. */
    async write(batch: PlannedArticle[]): Promise<WrittenArticle[]> {
      const targets = await opts.taxonomy.resolve(batch);
      const existing = await findDocuments([...new Set(batch.map((article) => article.importKey))]);
      // The first of the batch's articles with a new importKey is created; later ones are the same article again.
      const firstSeen = new Map<string, number>();
      batch.forEach((article, i) => {
        if (!existing.has(article.importKey) && !firstSeen.has(article.importKey)) firstSeen.set(article.importKey, i);
      });
      const created = await insert([...firstSeen.values()].map((i) => batch[i]));
      await keepStatistics([...created.values()].reduce((rows, document) => rows + document.rowIds.length, 0));
      const documents = batch.map((article) => existing.get(article.importKey) ?? created.get(article.importKey)!);

      const requests = (kind: 'tags' | 'sources'): LinkRequest[] =>
        batch.map((article, i) => ({ rowIds: documents[i].rowIds, targets: targets[i][kind], line: article.line }));
      // Published articles found again may gain links: what readers saw of them before.
      const pages = getService(strapi, 'page-changes');
      const found = [...existing.values()].filter((document) => document.published).map((document) => document.documentId);
      const before = found.length > 0 ? await pages.publishedArticles({ documentId: { $in: found } }) : new Map<string, PublishedArticle>();
      const tags = await linkTags(requests('tags'));
      const sources = await linkSources(requests('sources'));
      const index = getService(strapi, 'term-page-index');
      await index.add('tags', indexRows(documents, tags.inserted));
      await index.add('sources', indexRows(documents, sources.inserted));
      const after = found.length > 0 ? await pages.publishedArticles({ documentId: { $in: found } }) : new Map<string, PublishedArticle>();
      const createdPublished = batch.flatMap((article, i) => {
        const document = documents[i];
        if (firstSeen.get(article.importKey) !== i || !document.published) return [];
        const slugs = (terms: Term[]) => terms.map((term) => term.slug).sort();
        return [articleChange(null, { documentId: document.documentId, slug: document.slug, version: '', tags: slugs(targets[i].tags), sources: slugs(targets[i].sources) })];
      });
      changed.push(mergeChangeSets(...createdPublished, ...found.map((id) => articleChange(before.get(id) ?? null, after.get(id) ?? null))));
      return batch.map((article, i) => ({
        action: firstSeen.get(article.importKey) === i ? 'created' : tags.added[i] || sources.added[i] ? 'updated' : 'unchanged',
        documentId: documents[i].documentId,
        sources: targets[i].sources.map((source) => source.name),
      }));
    },
  };
}
