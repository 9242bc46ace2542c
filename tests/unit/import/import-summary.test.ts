import { SummaryBuilder } from '../../../src/plugins/newsroom/server/src/lib/import/import-summary';

const item = (line: number, action: 'created' | 'updated' | 'unchanged') => ({ line, title: `T${line}`, action, documentId: `d${line}`, sources: [] });

describe('SummaryBuilder', () => {
  it('counts articles by action, and lists the first maxItems', () => {
    const summary = new SummaryBuilder('f.ndjson', 'ndjson', false, 2);
    summary.article(item(1, 'created'));
    summary.article(item(2, 'updated'));
    summary.article(item(3, 'unchanged'));
    summary.tagCreated('Syria');
    summary.sourceCreated('TASS');
    expect(summary.articleCount).toBe(3);
    const result = summary.result();
    expect(result).toMatchObject({
      file: 'f.ndjson',
      format: 'ndjson',
      dryRun: false,
      articles: { created: 1, updated: 1, unchanged: 1 },
      tags: { created: ['Syria'] },
      sources: { created: ['TASS'] },
      itemsOmitted: 1,
    });
    expect(result.items.map((i) => i.line)).toEqual([1, 2]);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });
});
