import type { DocumentFormat, ImportedItem, ImportSummary } from '../../../../shared/contracts/import';

export type { ArticleAction, DocumentFormat, ImportedItem, ImportSummary } from '../../../../shared/contracts/import';

/** A large NDJSON import would otherwise answer with one item per line. */
export const DEFAULT_MAX_ITEMS = 1000;

export class SummaryBuilder {
  private readonly summary: ImportSummary;
  private readonly startedAt = Date.now();

  constructor(file: string, format: DocumentFormat, dryRun: boolean, private readonly maxItems = DEFAULT_MAX_ITEMS) {
    this.summary = {
      file,
      format,
      dryRun,
      articles: { created: 0, updated: 0, unchanged: 0 },
      tags: { created: [] },
      sources: { created: [] },
      items: [],
      itemsOmitted: 0,
      durationMs: 0,
    };
  }

  get articleCount(): number {
    const { created, updated, unchanged } = this.summary.articles;
    return created + updated + unchanged;
  }

  article(item: ImportedItem): void {
    this.summary.articles[item.action] += 1;
    if (this.summary.items.length < this.maxItems) this.summary.items.push(item);
    else this.summary.itemsOmitted += 1;
  }

  tagCreated(name: string): void {
    this.summary.tags.created.push(name);
  }

  sourceCreated(name: string): void {
    this.summary.sources.created.push(name);
  }

  result(): ImportSummary {
    return { ...this.summary, durationMs: Date.now() - this.startedAt };
  }
}
