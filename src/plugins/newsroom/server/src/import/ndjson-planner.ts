import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DocumentError, type PlanContext, type PlannedArticle, type SourceLine } from '../lib/import';

export interface PlannerSetup {
  file: string;
  maxLineBytes: number;
  context: PlanContext;
}

export interface PlanRequest {
  id: number;
  lines: SourceLine[];
  /** Position of the first line's article in the document (0-based), for its default publishedAt. */
  firstIndex: number;
}

export type PlanResponse =
  | { id: number; plans: PlannedArticle[] }
  | { id: number; documentError: { line: number; problem: string } }
  | { id: number; failure: string };

interface Waiting {
  resolve(plans: PlannedArticle[]): void;
  reject(error: Error): void;
}

/**
 * Plans NDJSON articles in a worker thread (ndjson-plan-worker.ts). Parsing
 * and computing excerpts cost as much CPU as writing the rows; on two
 * threads they overlap, which is what lifts a large import past 1,000
 * articles a second.
 */
export class NdjsonPlanner {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor(private readonly setup: PlannerSetup) {
    this.worker = new Worker(path.join(__dirname, 'ndjson-plan-worker.js'), { workerData: setup });
    this.worker.on('message', (response: PlanResponse) => this.settle(response));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the NDJSON planning thread exited (code ${code})`)));
  }

  /** Planned articles for `lines` (non-blank), in order; a DocumentError for the first bad line. */
  plan(lines: SourceLine[], firstIndex: number): Promise<PlannedArticle[]> {
    const id = this.nextId++;
    const planned = new Promise<PlannedArticle[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ id, lines, firstIndex } satisfies PlanRequest);
    return planned;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private settle(response: PlanResponse): void {
    const waiting = this.waiting.get(response.id);
    this.waiting.delete(response.id);
    if (!waiting) return;
    if ('plans' in response) waiting.resolve(response.plans);
    else if ('documentError' in response) {
      waiting.reject(new DocumentError(this.setup.file, response.documentError.line, response.documentError.problem));
    } else waiting.reject(new Error(response.failure));
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
