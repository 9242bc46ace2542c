import { parentPort, workerData } from 'node:worker_threads';
import {
  DocumentError,
  parseNdjsonArticle,
  parseTagListingBuffer,
  planListingItem,
  planNdjsonArticle,
  type PlannedArticle,
  type TagListing,
} from '../lib/import';
import type { PlanJob, PlanRequest, PlanResponse, PlannerSetup } from './planning-thread';

// Runs in a worker thread (planning-thread.ts): reads documents into planned
// articles (validation, plain text, Blocks, import key, excerpt), the
// CPU-bound half of an import, while the main thread writes.
const { file, maxLineBytes, context } = workerData as PlannerSetup;
let listing: TagListing | undefined;

function perform(job: PlanJob): PlannedArticle[] | number {
  switch (job.kind) {
    case 'lines':
      return job.lines.map(({ line, text }, i) =>
        planNdjsonArticle(parseNdjsonArticle(text, { file, line }, { maxLineBytes }), line, job.firstIndex + i, context),
      );
    case 'listing':
      listing = parseTagListingBuffer(job.bytes, { file, maxBytes: job.maxBytes });
      return listing.items.length;
    case 'items': {
      const { tag, items } = listing!;
      return items.slice(job.start, job.end).map((item, i) => planListingItem(tag, item, job.start + i, context));
    }
  }
}

parentPort!.on('message', ({ id, job }: PlanRequest) => {
  let response: PlanResponse;
  try {
    response = { id, result: perform(job) };
  } catch (error) {
    response =
      error instanceof DocumentError
        ? { id, documentError: { line: error.line, problem: error.problem } }
        : { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
