import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DocumentError, type PlanContext, type PlannedArticle, type SourceLine } from '../lib/import';

export interface PlannerSetup {
  file: string;
  maxLineBytes: number;
  context: PlanContext;
}

/** What the thread is asked to do (plan-worker.ts). */
export type PlanJob =
  /** NDJSON lines; `firstIndex`: the first line's article's position in the document (0-based), for its default publishedAt. */
  | { kind: 'lines'; lines: SourceLine[]; firstIndex: number }
  /** Parse a whole tag listing and keep its items for `items` jobs; answers how many there are. */
  | { kind: 'listing'; bytes: Uint8Array; maxBytes: number }
  /** The kept listing's items [start, end). */
  | { kind: 'items'; start: number; end: number };

export interface PlanRequest {
  id: number;
  job: PlanJob;
}

export type PlanResponse =
  | { id: number; result: PlannedArticle[] | number }
  | { id: number; documentError: { line: number; problem: string } }
  | { id: number; failure: string };

interface Waiting {
  resolve(result: PlannedArticle[] | number): void;
  reject(error: Error): void;
}

/**
 * Reads and plans a document's articles in a worker thread (plan-worker.ts):
 * parsing, plain text, Blocks, source detection and excerpts. That is as
 * much CPU as writing the rows: on a second thread it overlaps the writes
 * (what lifts a large import past 1,000 articles a second), and it never
 * holds the server's event loop, so readers are served while an import
 * runs (a 10,000-item listing takes seconds to plan).
 */
export class PlanningThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor(private readonly setup: PlannerSetup) {
    this.worker = new Worker(path.join(__dirname, 'plan-worker.js'), { workerData: setup });
    this.worker.on('message', (response: PlanResponse) => this.settle(response));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the planning thread exited (code ${code})`)));
  }

  /** Planned articles for NDJSON `lines` (non-blank), in order; a DocumentError for the first bad line. */
  planLines(lines: SourceLine[], firstIndex: number): Promise<PlannedArticle[]> {
    return this.run({ kind: 'lines', lines, firstIndex }) as Promise<PlannedArticle[]>;
  }

  /**
   * Parses a tag listing (a DocumentError if it is not one); how many items it lists.
   * `bytes` move to the thread when they are the whole of their buffer (copying
   * megabytes would hold the event loop): the caller must not use them after.
   */
  openListing(bytes: Uint8Array, maxBytes: number): Promise<number> {
    const movable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    return this.run({ kind: 'listing', bytes, maxBytes }, movable ? [bytes.buffer as ArrayBuffer] : []) as Promise<number>;
  }

  /** The opened listing's items [start, end), planned. */
  planItems(start: number, end: number): Promise<PlannedArticle[]> {
    return this.run({ kind: 'items', start, end }) as Promise<PlannedArticle[]>;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private run(job: PlanJob, transfer: ArrayBuffer[] = []): Promise<PlannedArticle[] | number> {
    const id = this.nextId++;
    const done = new Promise<PlannedArticle[] | number>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ id, job } satisfies PlanRequest, transfer);
    return done;
  }

  private settle(response: PlanResponse): void {
    const waiting = this.waiting.get(response.id);
    this.waiting.delete(response.id);
    if (!waiting) return;
    if ('result' in response) waiting.resolve(response.result);
    else if ('documentError' in response) {
      waiting.reject(new DocumentError(this.setup.file, response.documentError.line, response.documentError.problem));
    } else waiting.reject(new Error(response.failure));
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
