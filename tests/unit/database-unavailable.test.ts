import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { databaseUnavailableMessage, databaseUnavailableReason, isDatabaseUnavailable } from '../../src/lib/database-unavailable';

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What pg's driver throws for a server error with this SQLSTATE (its DatabaseError carries `code`). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('databaseUnavailableReason', () => {
  it('recognises a refused connection, as pg reports it', async () => {
    const client = new Client({ host: '127.0.0.1', port: await closedPort(), user: 'nobody', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseUnavailableReason(error)).toBe('ECONNREFUSED');
  });

  it('recognises SQLite busy and locked errors, as better-sqlite3 throws them', () => {
    const file = path.join(os.tmpdir(), `newsroom-busy-${process.pid}.db`);
    const writer = new Database(file);
    const other = new Database(file, { timeout: 0 });
    try {
      writer.exec('CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
      let error: unknown;
      try {
        other.prepare('SELECT * FROM t').all();
      } catch (e) {
        error = e;
      }
      expect(databaseUnavailableReason(error)).toBe('SQLITE_BUSY');
      writer.exec('ROLLBACK');
    } finally {
      writer.close();
      other.close();
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
    expect(databaseUnavailableReason({ code: 'SQLITE_LOCKED_SHAREDCACHE' })).toBe('SQLITE_LOCKED_SHAREDCACHE');
    expect(databaseUnavailableReason({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe('SQLITE_BUSY_SNAPSHOT');
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection because of crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
    ['08001', 'could not connect'],
    ['08P01', 'protocol violation'],
  ])('recognises PostgreSQL SQLSTATE %s', (code, message) => {
    expect(databaseUnavailableReason(pgError(code, message))).toBe(code);
  });

  it.each([
    ['Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?', 'pool timeout'],
    ['Unable to acquire a connection', 'pool closed'],
    ['Connection terminated unexpectedly', 'connection terminated'],
    ['Connection terminated due to connection timeout', 'connection terminated'],
    ['Client has encountered a connection error and is not queryable', 'connection error'],
    ['Client was closed and is not queryable', 'connection closed'],
    ['timeout expired', 'connect timeout'],
  ])('recognises "%s" by its message', (message, reason) => {
    expect(databaseUnavailableReason(new Error(message))).toBe(reason);
  });

  it('recognises a query the server cancelled (57014: the content API\'s statement timeout), and says so', () => {
    const timeout = Object.assign(pgError('57014', 'canceling statement due to statement timeout'), { severity: 'ERROR' });
    expect(databaseUnavailableReason(timeout)).toBe('57014');
    expect(databaseUnavailableMessage('57014')).toBe('The request took longer than the database allows; retry shortly');
    expect(databaseUnavailableMessage('ECONNREFUSED')).toBe('The database is unavailable; retry shortly');
  });

  it('looks through cause and AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(databaseUnavailableReason(new AggregateError([new Error('other'), refused], 'connect failed'))).toBe('ECONNREFUSED');
    expect(databaseUnavailableReason(new Error('select 1 - failed', { cause: pgError('57P01', 'terminating') }))).toBe('57P01');
  });

  it('leaves every other error alone: bad queries, bad data, bugs', () => {
    for (const error of [
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('42P01', 'relation "nope" does not exist'),
      pgError('22P02', 'invalid input syntax for type integer'),
      { code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed' },
      { code: 'SQLITE_ERROR', message: 'no such table: nope' },
      { code: 'ENOENT', message: 'no such file' },
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Defined query timeout of 100ms exceeded when running query.'),
    ]) {
      expect(databaseUnavailableReason(error)).toBeNull();
    }
    for (const value of [null, undefined, 'ECONNREFUSED', 42, {}]) expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it('does not loop on a cyclic cause', () => {
    const error: Error & { cause?: unknown } = new Error('odd');
    error.cause = error;
    expect(databaseUnavailableReason(error)).toBeNull();
  });
});
