/**
 * The same route under another slug: `/api/newsroom/tags/old.txt?page=2`
 * becomes `/api/newsroom/tags/new.txt?page=2`; the suffix (`.txt`, `/feed.xml`,
 * `/feed.atom`, `/related`) and the query string are kept.
 */
export function redirectLocation(path: string, collection: string, from: string, to: string, search = ''): string {
  const marker = `/${collection}/${encodeURIComponent(from)}`;
  const at = path.lastIndexOf(marker);
  const rest = at < 0 ? null : path.slice(at + marker.length);
  if (rest === null || !/^(\.txt|\/.*)?$/.test(rest)) throw new Error(`${path} is not a route of ${collection}/${from}`);
  return `${path.slice(0, at)}/${collection}/${encodeURIComponent(to)}${rest}${search}`;
}
