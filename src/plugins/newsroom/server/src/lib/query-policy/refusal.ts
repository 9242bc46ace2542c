/** A query shape the policy refuses: which parameter, why, and the cheap way to the same answer. */
export class QueryRefusal extends Error {
  constructor(
    readonly param: string,
    message: string,
    readonly alternative?: string,
  ) {
    super(`${param}: ${message}${alternative ? `; instead use ${alternative}` : ''}`);
    this.name = 'QueryRefusal';
  }
}

/** `["populate", "tags", "fields"]` → `populate[tags][fields]`, as the client wrote it. */
export const paramName = (path: readonly string[]): string => path[0] + path.slice(1).map((key) => `[${key}]`).join('');

export const list = (names: readonly string[]): string => (names.length ? names.join(', ') : 'none');
