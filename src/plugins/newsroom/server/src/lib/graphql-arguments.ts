/**
 * GraphQL's typed arguments as a query string carries them (strings), so
 * that the REST routes' validation and cost policy read them unchanged.
 * Pure: imports nothing from Strapi.
 */

/** Top-level arguments of a newsroom query, for the REST route's zod schema; absent ones left out. */
export function queryInput(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).flatMap(([key, value]) => (value === undefined || value === null ? [] : [[key, String(value)]])));
}

/** Filters, sorts and pagination of a generated query, all the way down: numbers, booleans and dates as strings. */
export function asQueryValues(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asQueryValues);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asQueryValues(v)]));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}
