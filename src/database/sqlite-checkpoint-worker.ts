import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Runs in a worker thread (sqlite-checkpointer.ts): PASSIVE checkpoints of the
// write-ahead log on a connection of its own, every `intervalMs`.
const { filename, intervalMs } = workerData as { filename: string; intervalMs: number };
let db: Database.Database;
try {
  db = new Database(filename, { fileMustExist: true });
} catch (error) {
  // Said in a message: a SqliteError does not survive the trip to the main thread whole.
  parentPort!.postMessage({ failed: `cannot open ${filename}: ${(error as Error).message}` });
  process.exit(1);
}

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY (another checkpoint is running, in another process say): the next turn copies it.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort!.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort!.close();
});
