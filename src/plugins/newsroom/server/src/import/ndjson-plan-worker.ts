import { parentPort, workerData } from 'node:worker_threads';
import { DocumentError, parseNdjsonArticle, planNdjsonArticle } from '../lib/import';
import type { PlanRequest, PlanResponse, PlannerSetup } from './ndjson-planner';

// Runs in a worker thread: reads NDJSON lines into planned articles
// (validation, plain text, Blocks, import key, excerpt), the CPU-bound half
// of an import, while the main thread writes the previous batch.
const { file, maxLineBytes, context } = workerData as PlannerSetup;

parentPort!.on('message', ({ id, lines, firstIndex }: PlanRequest) => {
  let response: PlanResponse;
  try {
    const plans = lines.map(({ line, text }, i) =>
      planNdjsonArticle(parseNdjsonArticle(text, { file, line }, { maxLineBytes }), line, firstIndex + i, context),
    );
    response = { id, plans };
  } catch (error) {
    response =
      error instanceof DocumentError
        ? { id, documentError: { line: error.line, problem: error.problem } }
        : { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
