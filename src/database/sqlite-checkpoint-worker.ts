import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Runs in a worker thread (sqlite-checkpointer.ts): PASSIVE checkpoints of the
// write-ahead log on a connection of its own, every `intervalMs`.
const { filename, intervalMs } = workerData as { filename: string; intervalMs: number };
const db = new Database(filename, { fileMustExist: true });

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
