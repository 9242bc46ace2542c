import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { createArticleWriter } from '../import/article-writer';
import { documentFiles } from '../import/document-files';
import { openFile, openSource, type DocumentInput, type DocumentSource } from '../import/document-input';
import { PlanningThread } from '../import/planning-thread';
import { loadTaxonomy } from '../import/taxonomy';
import { formatPath } from '../lib/blocks-shape';
import {
  DocumentError,
  SummaryBuilder,
  documentFormat,
  isBlankLine,
  readAll,
  readLines,
  type DocumentFormat,
  type ImportSummary,
  type PlanContext,
  type PlannedArticle,
  type SourceLine,
  WritePacer,
} from '../lib/import';
import { getService } from '../utils/get-service';
import type { ImportConfig } from '../validation/import-config';
import { pluginConfig } from '../utils/plugin-config';

// Articles planned at a time: memory stays flat however long the document.
const BATCH_SIZE = 500;
// Batches being planned while one is written: enough to keep the planning thread busy.
const PLANNED_AHEAD = 2;
// Articles per write when the import need not pace itself: a few database round trips each.
const WRITE_SIZE = 500;
// Fewest articles per write when it paces itself (`sliceMs`).
const MIN_PACED_WRITE = 2;
// Imports this large change the tag-page index enough to refresh its statistics.
const ANALYZE_AFTER_ARTICLES = 1000;

export interface ImportProgress {
  articles: number;
  bytesRead: number;
  totalBytes?: number;
}

export interface ImportOptions {
  /** Names the document in messages and tells its format by extension; a file's path by default. */
  fileName?: string;
  /** Otherwise from the file name, else from the first bytes. */
  format?: DocumentFormat;
  /** Run the whole import, report what it would do, and roll it back. */
  dryRun?: boolean;
  /** Import new articles as drafts. */
  draft?: boolean;
  /** How many articles `items` lists (default 1000). */
  maxItems?: number;
  /**
   * Hold the event loop at most about this long at a time (SQLite only: its driver is
   * synchronous, while PostgreSQL's frees the loop at every query). A server sets it so
   * that readers are answered during the import; a command-line import does not.
   */
  sliceMs?: number;
  onProgress?(progress: ImportProgress): void;
}

class DryRunRollback extends Error {}

/**
 * Imports a tag listing or an NDJSON file: one transaction per document, so
 * any error (or the process dying) leaves the database as it was. See
 * lib/import for the formats and import/article-writer.ts for how articles
 * are written.
 */
const documentImport = ({ strapi }: { strapi: Core.Strapi }) => {
  function limits(): ImportConfig {
    return pluginConfig(strapi, 'import');
  }

  /**
   * The document's articles, planned on the planning thread a batch at a
   * time, a few batches ahead of the writes, in document order.
   */
  async function* plannedBatches(input: DocumentInput, file: string, format: DocumentFormat, ctx: PlanContext): AsyncGenerator<PlannedArticle[]> {
    const { maxDocumentBytes, maxLineBytes } = limits();
    const rules = getService(strapi, 'content-rules');
    const thread = new PlanningThread({ file, maxLineBytes, context: ctx });
    // Batches handed to the planning thread and not written yet, in document order.
    const planned: Array<Promise<PlannedArticle[]>> = [];
    const plan = (batch: Promise<PlannedArticle[]>): void => {
      batch.catch(() => undefined); // awaited in order below; an earlier failure may leave it unawaited
      planned.push(batch);
    };
    const next = async (): Promise<PlannedArticle[]> => {
      const batch = await planned.shift()!;
      for (const article of batch) {
        if (!article.blocksFromDocument) continue;
        const problem = await rules.blocksProblem(article.body);
        if (problem) throw new DocumentError(file, article.line, `"${formatPath(problem.path)}" ${problem.message}`);
      }
      return batch;
    };
    try {
      if (format === 'listing') {
        const bytes = await readAll(input.chunks, { file, maxBytes: maxDocumentBytes });
        const items = await thread.openListing(bytes, maxDocumentBytes);
        for (let start = 0; start < items; start += BATCH_SIZE) {
          plan(thread.planItems(start, start + BATCH_SIZE));
          if (planned.length > PLANNED_AHEAD) yield await next();
        }
      } else {
        let lines: SourceLine[] = [];
        let count = 0;
        for await (const line of readLines(input.chunks, { file, maxLineBytes })) {
          if (isBlankLine(line.text)) continue;
          lines.push(line);
          if (lines.length < BATCH_SIZE) continue;
          plan(thread.planLines(lines, count));
          count += lines.length;
          lines = [];
          if (planned.length > PLANNED_AHEAD) yield await next();
        }
        if (lines.length > 0) plan(thread.planLines(lines, count));
        if (count + lines.length === 0) throw new DocumentError(file, 0, 'document is empty');
      }
      while (planned.length > 0) yield await next();
    } finally {
      await thread.close();
    }
  }

  async function run(input: DocumentInput, file: string, options: ImportOptions): Promise<ImportSummary> {
    const format = options.format ?? documentFormat(file, input.head);
    const summary = new SummaryBuilder(file, format, options.dryRun === true, options.maxItems);
    const ctx: PlanContext = {
      startedAt: new Date(),
      draft: options.draft === true,
      excerpt: await getService(strapi, 'excerpt-settings').get(),
    };
    try {
      await strapi.db.transaction(async ({ trx }) => {
        const writer = createArticleWriter(strapi, { trx, file, taxonomy: await loadTaxonomy(strapi, summary) });
        const pacer =
          options.sliceMs && strapi.db.dialect.client === 'sqlite' ? new WritePacer(options.sliceMs, WRITE_SIZE, MIN_PACED_WRITE) : undefined;
        for await (const planned of plannedBatches(input, file, format, ctx)) {
          for (let i = 0; i < planned.length; ) {
            const started = performance.now();
            const batch = planned.slice(i, i + (pacer?.next() ?? WRITE_SIZE));
            const written = await writer.write(batch);
            batch.forEach((article, j) => summary.article({ line: article.line, title: article.title, ...written[j] }));
            pacer?.done(batch.length, performance.now() - started);
            i += batch.length;
            // SQLite's driver is synchronous, so a batch's awaits resolve as microtasks: without
            // a turn of the event loop here, no request would be served until the import ends.
            await nextTurn();
          }
          options.onProgress?.({ articles: summary.articleCount, bytesRead: input.bytesRead(), totalBytes: input.totalBytes });
        }
        // Once per import, in its transaction: one change set, one event for the webhooks.
        await getService(strapi, 'page-versions').record(writer.changes());
        await nextTurn(); // recording and committing are two waits for a reader on SQLite, not one
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (!options.dryRun && summary.articleCount >= ANALYZE_AFTER_ARTICLES) {
      await nextTurn(); // the commit and the statistics are two waits for a reader on SQLite, not one
      await getService(strapi, 'term-page-index').analyze();
    }
    return summary.result();
  }

  return {
    limits,

    /** A document given as its text, its bytes or a stream of them. */
    async importDocument(source: DocumentSource, options: ImportOptions = {}): Promise<ImportSummary> {
      const file = options.fileName ?? 'document';
      return run(await openSource(source, file), file, options);
    },

    async importFile(path: string, options: ImportOptions = {}): Promise<ImportSummary> {
      const file = options.fileName ?? path;
      return run(await openFile(path, file), file, options);
    },

    /** Files as given, folders expanded to their *.txt and *.ndjson files, sorted by name. */
    documentFiles,
  };
};

export default documentImport;
