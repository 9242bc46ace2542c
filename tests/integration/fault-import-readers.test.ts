import { SEED_FILE, ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * A long import holds one write transaction for its whole length. Readers of
 * the public API must keep being served meanwhile (on SQLite too, where a
 * single connection would queue them behind the import), and must see the
 * tag as it was before the import or as it is after, never half of it.
 */

const TAG = 'US-led coalition';
const TAG_PATH = '/api/newsroom/tags/us-led-coalition';
const ARTICLES_PATH = '/api/articles';
const ARTICLES = 5000;
const SEEDED = 10;

const app = useTestApp({ imports: [SEED_FILE], listen: true });

interface Read {
  path: string;
  start: number;
  end: number;
  status: number;
  /** The tag's articleCount and the page's total, or the articles' total. */
  counts: number[];
}

async function read(path: string): Promise<Read> {
  const start = performance.now();
  const res = await fetch(app.url + path);
  // What is read of either route's answer (the tag only on the tag page).
  const body = (await res.json()) as { data: { tag: { articleCount: number } }; meta: { pagination: { total: number } } };
  const counts =
    res.status !== 200 ? [] : path === TAG_PATH ? [body.data.tag.articleCount, body.meta.pagination.total] : [body.meta.pagination.total];
  return { path, start, end: performance.now(), status: res.status, counts };
}

const bulk = () =>
  ndjson(
    Array.from({ length: ARTICLES }, (_, i) => ({
      title: `Bulk dispatch ${i}`,
      body: `Dispatch number ${i} from the front. `.repeat(60),
      bodyFormat: 'text',
      tags: [TAG],
      sources: ['Reuters'],
    })),
  );

describe('readers during a long import', () => {
  it('are answered while the import runs, and see the tag before or after it, never half', async () => {
    expect((await read(TAG_PATH)).counts).toEqual([SEEDED, SEEDED]);

    // The first batch written, inside the import's transaction: from then on the import is in progress.
    let firstBatchWritten = Infinity;
    let importDone = Infinity;
    const importing = app.importer()
      .importDocument(bulk(), {
        fileName: 'bulk.ndjson',
        onProgress: () => (firstBatchWritten = Math.min(firstBatchWritten, performance.now())),
      })
      .finally(() => (importDone = performance.now()));

    const reads: Read[] = [];
    const reader = async (path: string) => {
      while (importDone === Infinity) reads.push(await read(path));
    };
    await Promise.all([reader(TAG_PATH), reader(ARTICLES_PATH), reader(TAG_PATH), reader(ARTICLES_PATH)]);
    const summary = await importing;
    expect(summary.articles.created).toBe(ARTICLES);

    const duringImport = reads.filter((r) => r.start >= firstBatchWritten && r.end < importDone);
    const report = {
      importMs: Math.round(importDone - firstBatchWritten),
      reads: reads.length,
      readsDuringImport: duringImport.length,
      maxLatencyDuringImportMs: Math.round(Math.max(0, ...duringImport.map((r) => r.end - r.start))),
      maxLatencyMs: Math.round(Math.max(0, ...reads.map((r) => r.end - r.start))),
    };
    console.log(`${app.database.client}: reads during a ${ARTICLES}-article import: ${JSON.stringify(report)}`);

    expect(reads.filter((r) => r.status !== 200)).toEqual([]);
    // Several reads of each route began after the import had written its first batch and were answered before it ended.
    for (const path of [TAG_PATH, ARTICLES_PATH]) expect(duringImport.filter((r) => r.path === path).length).toBeGreaterThanOrEqual(3);
    // Each read saw the tag whole: before the import or after it, the count and the page agreeing.
    for (const r of reads) {
      expect([[SEEDED], [SEEDED + ARTICLES]]).toContainEqual([...new Set(r.counts)]);
    }
    expect((await read(TAG_PATH)).counts).toEqual([SEEDED + ARTICLES, SEEDED + ARTICLES]);
    expect((await read(ARTICLES_PATH)).counts).toEqual([SEEDED + ARTICLES]);
  });
});
