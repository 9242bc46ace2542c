/**
 * A route with its query string, encoded here: the fetch client would append
 * a params object unencoded (qs with `encode: false`), so a search for `a&b` would break.
 */
export function withQuery(route: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return search ? `${route}?${search}` : route;
}
