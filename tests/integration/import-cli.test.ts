/* eslint-disable @typescript-eslint/no-explicit-any -- entries and raw rows read back loosely, compared whole */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { SEED_FILE, ndjson, rowCounts } from '../helpers/import';
import { startTestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { corpusLines } from '../../scripts/lib/corpus';

/*
 * `npm run import` as users run it: a child process booting the app on the
 * test's database (the env createTestDatabase sets: a temporary SQLite file,
 * or a PostgreSQL schema).
 */

const root = path.resolve(__dirname, '..', '..');
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-'));
});

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'import.js'), ...args], {
    cwd: root,
    env: { ...process.env, NEWSROOM_SEED: 'false', LOG_LEVEL: 'warn' },
  });
  const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => (run.stdout += chunk));
  child.stderr!.on('data', (chunk) => (run.stderr += chunk));
  const done = once(child, 'close').then(([code, signal]) => ({ ...run, code, signal }));
  return { child, done };
}

const cli = (...args: string[]) => start(args).done;

/** Row counts through the app itself, booted in-process on the same database. */
async function counts() {
  const app = await startTestApp({ database });
  try {
    return {
      articles: await app.strapi.db.query(UIDS.article).count(),
      tags: await app.strapi.db.query(UIDS.tag).count(),
    };
  } finally {
    await app.stop();
  }
}

/**
 * Everything an import writes: the rows of each of its tables, the tag-page
 * index's counts and the content version, read through the app.
 */
async function databaseState() {
  const app = await startTestApp({ database });
  try {
    const knex = app.strapi.db.connection;
    return {
      articles: await app.strapi.db.query(UIDS.article).count(),
      tags: await app.strapi.db.query(UIDS.tag).count(),
      rows: await rowCounts(app),
      tagCounts: await knex(TABLES.tagCounts).select('term_id', 'article_count').orderBy('term_id'),
      contentVersion: await knex(TABLES.contentVersion).select('id', 'version').orderBy('id'),
    };
  } finally {
    await app.stop();
  }
}

describe('npm run import', () => {
  it('prints usage and exits 2 without files', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run import -- <files or folders\.\.\.>/);
  });

  it('imports a listing, printing a summary per document, and exits 0', async () => {
    const run = await cli(SEED_FILE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('us-led-coalition.txt (listing): articles 10 created, 0 updated, 0 unchanged');
    expect(run.stdout).toContain('  tags created: US-led coalition');
    expect(run.stdout).toContain('  sources created: Euphrates Post, TASS, Reuters, RIA Novosti, RBC');
    expect(run.stdout).toContain('  line 3: created "U.S. coalition conducts new air attack on Syrian army in Deir ez Zor" [Euphrates Post]');
  });

  it('expands folders to their *.txt and *.ndjson files in name order; --json --dry-run reports without writing', async () => {
    const folder = path.join(dir, 'documents');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    copyFileSync(SEED_FILE, path.join(folder, 'b-seed.txt'));
    writeFileSync(path.join(folder, 'a-export.ndjson'), ndjson([{ title: 'One', body: 'One.' }, { title: 'Two', body: 'Two.' }]));
    writeFileSync(path.join(folder, 'c-notes.md'), '# not a document');

    const run = await cli(folder, '--json', '--dry-run');
    expect(run.code).toBe(0);
    const { documents, error } = JSON.parse(run.stdout);
    expect(error).toBeNull();
    expect(documents.map((d: any) => [path.basename(d.file), d.format, d.dryRun, d.articles])).toEqual([
      ['a-export.ndjson', 'ndjson', true, { created: 2, updated: 0, unchanged: 0 }],
      ['b-seed.txt', 'listing', true, { created: 0, updated: 0, unchanged: 10 }],
    ]);
    expect(await counts()).toEqual({ articles: 20, tags: 1 });
  });

  it('exits 1 with file:line: problem for a refused document; --json carries the same', async () => {
    const bad = path.join(dir, 'bad.ndjson');
    writeFileSync(bad, ndjson([{ title: 'Fine', body: 'Fine.' }, { body: 'No title.' }]));
    const run = await cli(bad, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${path.relative(root, bad)}:2: "title" is required`);
    expect(JSON.parse(run.stdout)).toEqual({
      documents: [],
      error: { message: `${path.relative(root, bad)}:2: "title" is required`, file: path.relative(root, bad), line: 2, problem: '"title" is required' },
    });
  });

  it('shows progress on a document over 1 MB as plain lines when stderr is not a terminal', async () => {
    const big = path.join(dir, 'progress.ndjson');
    writeFileSync(big, [...corpusLines({ articles: 700 })].join('\n'));
    expect(statSync(big).size).toBeGreaterThan(1024 * 1024);
    const run = await cli(big, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('progress.ndjson (ndjson): articles 700 created');
    // No bar: no cursor movements or colours, no redrawn line, nothing but lines like "import: 500 articles, 71%".
    // eslint-disable-next-line no-control-regex -- an escape sequence is what must not be there
    expect(run.stderr).not.toMatch(/[\u001b\r]/);
    expect(run.stderr).not.toContain('left');
    const lines = run.stderr.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^import: \d{1,3}(,\d{3})* articles, \d{1,3}%$/);
  });

  it('killed half-way through a large NDJSON import, leaves the database as it was', async () => {
    const ARTICLES = 20000;
    const big = path.join(dir, 'big.ndjson');
    const out = createWriteStream(big);
    for (const line of corpusLines({ articles: ARTICLES })) if (!out.write(`${line}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const before = await databaseState();
    expect(before.articles).toBeGreaterThan(0); // not an empty database: what was there must survive

    const { child, done } = start([big]);
    // Progress shows once the first batch is written, inside the
    // transaction, and counts the articles written so far.
    let written = 0;
    await new Promise<void>((resolve) => {
      let waiting = false;
      child.stderr!.on('data', (chunk: Buffer) => {
        const counts = [...String(chunk).matchAll(/^import: ([\d,]+) articles/gm)];
        if (counts.length > 0) written = Number(counts[counts.length - 1][1].replace(/,/g, ''));
        if (waiting || written === 0) return;
        waiting = true;
        setTimeout(resolve, 1000);
      });
    });
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    // Killed half-way: batches had been written, and not all of them.
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(ARTICLES);

    // Every table as it was: articles, tags, sources, their links, the tag-page index, the content version.
    expect(await databaseState()).toEqual(before);
    // And the database still takes imports.
    const run = await cli(path.join(dir, 'documents', 'a-export.ndjson'));
    expect(run.code).toBe(0);
    expect(await counts()).toEqual({ articles: before.articles + 4, tags: before.tags });
  });
});
