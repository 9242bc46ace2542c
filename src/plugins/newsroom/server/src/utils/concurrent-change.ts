/** Another writer changed the same entries first: the request may be retried on what is there now (a 409). */
export class ConcurrentChange extends Error {}

// PostgreSQL's deadlock_detected and serialization_failure: two merges locking the same tags.
const CONCURRENCY_CODES = new Set(['40P01', '40001']);

export const isConcurrentChange = (error: unknown): boolean =>
  error instanceof ConcurrentChange || CONCURRENCY_CODES.has((error as { code?: string } | null)?.code ?? '');
