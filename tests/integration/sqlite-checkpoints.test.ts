import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type * as Checkpointer from '../../src/database/sqlite-checkpointer';

// The compiled module: its worker thread runs the compiled worker file beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module the app runs, loaded at run time
const { SqliteCheckpointer }: typeof Checkpointer = require('../../dist/src/database/sqlite-checkpointer');

/*
 * Writers run with wal_autocheckpoint = 0 (config/database.ts), so that a
 * commit never copies the log back on the event loop: the checkpointer
 * thread must do it, or the log grows for ever and the database file never
 * receives the committed pages. Checked on a real SQLite file: the pages a
 * writer committed reach the database file with no checkpoint by the writer.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-checkpoints-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const until = async (done: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (done()) return true;
  return done();
};

function writer(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  return db;
}

const fill = (db: Database.Database) => {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.pragma('cache_size = 100');
  for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(2000));
};

describe('SqliteCheckpointer', () => {
  it('copies what writers commit into the database file, which they never do themselves', async () => {
    const file = path.join(dir, 'data.db');
    const db = writer(file);
    fill(db);
    const before = fs.statSync(file).size;
    // Without a checkpoint the committed pages stay in the log.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(4_000_000);
    expect(await until(() => fs.statSync(file).size > before, 300)).toBe(false);

    const checkpointer = new SqliteCheckpointer(file, 50, (error) => {
      throw error;
    });
    try {
      expect(await until(() => fs.statSync(file).size > 4_000_000, 5000)).toBe(true);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('reports a database it cannot open, and stops cleanly', async () => {
    const errors: Error[] = [];
    const checkpointer = new SqliteCheckpointer(path.join(dir, 'missing.db'), 50, (error) => errors.push(error));
    expect(await until(() => errors.length > 0, 5000)).toBe(true);
    expect(errors[0].message).toMatch(/^cannot open .*missing.db: /);
    await checkpointer.stop();
  });
});
