// The public content API, fetched the way a frontend would: without the
// admin's token (useFetchClient adds one, which the content API refuses as a
// users-permissions JWT).

declare global {
  interface Window {
    strapi: { backendURL: string };
  }
}

/** An absolute URL of a public route, e.g. `/api/newsroom/tags/x`, to show or copy. */
export const publicUrl = (path: string) => `${window.strapi.backendURL}${path}`;

export async function fetchPublic<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(publicUrl(path), { headers: { Accept: 'application/json' }, signal });
  const body = await response.json().catch(() => null);
  // Strapi's error shape carries the reason (e.g. a page past the last).
  if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body as T;
}
