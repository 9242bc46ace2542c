import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread (sqlite-checkpoint-worker.ts), on a connection of its own.
 *
 * By default SQLite does that on the writer's connection as part of a
 * commit, once the log passes 1,000 pages: after a 10,000-article import
 * that is about 100 MB copied while better-sqlite3, which is synchronous,
 * holds the event loop, and the server answers nothing for a second or
 * more. The writer connections therefore run with `wal_autocheckpoint = 0`
 * (config/database.ts), and this thread checkpoints every `intervalMs`.
 * A PASSIVE checkpoint never blocks the writer or the readers; what it
 * cannot copy yet (a page a reader still needs) waits for the next turn.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;

  /** `onError`: the thread failed (the file could not be opened, say); commits then grow the log until the process ends. */
  constructor(filename: string, intervalMs: number, onError: (error: Error) => void) {
    this.worker = new Worker(path.join(__dirname, 'sqlite-checkpoint-worker.js'), { workerData: { filename, intervalMs } });
    this.worker.on('message', (message: { failed?: string }) => message.failed && onError(new Error(message.failed)));
    this.worker.on('error', (error) => onError(new Error(`the checkpoint thread failed: ${String((error as Error)?.message ?? error)}`)));
    // The thread must not keep a process alive that is otherwise done (a command-line tool).
    this.worker.unref();
  }

  /** Checkpoints once more (so the log does not outlive the process), then stops. */
  async stop(): Promise<void> {
    if (this.worker.threadId < 0) return; // already exited
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('stop');
    await exited;
  }
}
