'use strict';
// An editor for the benchmarks: the admin registered (or, on a reused
// database, signed in) on the bench server, and the Content Manager API as
// the admin panel calls it.
const EMAIL = 'bench@newsroom.test';
const PASSWORD = 'Bench-editor-1';
const ARTICLE = 'api::article.article';
const TAG = 'api::tag.tag';

async function call(base, token, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** Signed in to the admin at `base` as the benchmarks' super admin (registered on first use). */
async function adminSession(base) {
  const { data: init } = await call(base, null, 'GET', '/admin/init');
  const credentials = { email: EMAIL, password: PASSWORD };
  const { data } = init.hasAdmin
    ? await call(base, null, 'POST', '/admin/login', credentials)
    : await call(base, null, 'POST', '/admin/register-admin', { ...credentials, firstname: 'Bench', lastname: 'Editor' });
  const token = data.token;
  return {
    /** `tags` (from the public tag list) with their documentIds, read from the Content Manager's tag list. */
    async withDocumentIds(tags) {
      const ids = new Map();
      const wanted = new Set(tags.map((tag) => tag.slug));
      for (let page = 1; ids.size < wanted.size; page += 1) {
        const { results, pagination } = await call(base, token, 'GET', `/content-manager/collection-types/${TAG}?page=${page}&pageSize=100&sort=id:ASC`);
        for (const tag of results) if (wanted.has(tag.slug)) ids.set(tag.slug, tag.documentId);
        if (page >= pagination.pageCount) break;
      }
      return tags.filter((tag) => ids.has(tag.slug)).map((tag) => ({ ...tag, documentId: ids.get(tag.slug) }));
    },
    /** A new article on one tag, saved and published as the edit view's Publish button does: its documentId. */
    async publishArticle({ title, tag }) {
      const body = [{ type: 'paragraph', children: [{ type: 'text', text: `${title}. `.repeat(30) }] }];
      const { data } = await call(base, token, 'POST', `/content-manager/collection-types/${ARTICLE}/actions/publish`, {
        title,
        body,
        tags: { set: [{ documentId: tag }] },
      });
      return data.documentId;
    },
  };
}

module.exports = { adminSession };
