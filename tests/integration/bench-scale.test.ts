import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm run bench:scale` at a small size, on the database this run tests, so
// that the benchmark cannot rot: it imports two corpus sizes, boots the
// production server on each, answers every probe without a failed request,
// and prints the table the README quotes, with a ratio per row.

const root = path.resolve(__dirname, '..', '..');
const SIZES = [600, 1200];
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

type Latency = { p50: number; p99: number };
type Run = { client: string; articles: number; imported: { articles: number; ms: number; peakRssMb: number }; bootMs: number; serverRssMb: number; rows: Record<string, Latency> };

let output: string;
let runs: Run[];

beforeAll(async () => {
  const args = ['--articles', SIZES.join(','), '--clients', client, '--samples', '5', '--port', '1396', '--json'];
  const run = await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'bench-scale.js'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'error' },
    maxBuffer: 16 * 1024 * 1024,
  });
  output = run.stdout;
  runs = JSON.parse(output.trim().split('\n').pop()!);
}, 600_000);

test('imports each size whole and measures every read path on it', () => {
  expect(runs.map((run) => [run.client, run.articles])).toEqual(SIZES.map((size) => [client, size]));
  for (const run of runs) {
    // The corpus's drafts are imported too: every line is an article.
    expect(run.imported.articles).toBe(run.articles);
    expect(run.imported.ms).toBeGreaterThan(0);
    expect(run.bootMs).toBeGreaterThan(0);
    expect(run.serverRssMb).toBeGreaterThan(50);
    const names = Object.keys(run.rows);
    for (const role of ['largest', 'medium', 'small']) {
      for (const probe of ['tag page 1', 'tag page 1,000 by cursor', 'related tags', 'tag search q=']) expect(names).toContain(`${probe}, ${role} tag`);
    }
    expect(names).toEqual(expect.arrayContaining(['CM article list, default sort', 'CM article list, title search', 'CM article list, filtered by the largest tag']));
    for (const latency of Object.values(run.rows)) expect(latency.p99).toBeGreaterThanOrEqual(latency.p50);
  }
});

test('prints one table with a ratio per row', () => {
  const table = output.split('\n').filter((line) => line.startsWith('| '));
  expect(table[0]).toBe(`| measure | ${SIZES.join(' | ')} | ratio ${SIZES[1]} / ${SIZES[0]} |`);
  const rows = table.slice(1);
  expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(
    expect.arrayContaining(['import, articles/s', 'import, peak RSS (MB)', 'boot to first answer (s)', 'related tags, largest tag, p99 ms']),
  );
  for (const row of rows) expect(row).toMatch(/^\| [^|]+( \| \d+(\.\d+)?){3} \|$/);
});
