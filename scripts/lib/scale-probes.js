'use strict';
// What `npm run bench:scale` measures on a running server (response cache
// off): the read paths whose cost must not grow with the archive, for the
// largest, a medium and a small tag, each probe one request at a time.
const autocannon = require('autocannon');

/** p50/p99 (ms) of `samples` requests, one connection; throws on any failure. */
async function latency(name, url, samples, init = {}) {
  const result = await autocannon({ url, ...init, connections: 1, amount: samples, timeout: 60 });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${name}: ${failed} of ${samples} requests failed (${url})`);
  return { p50: result.latency.p50, p99: result.latency.p99 };
}

async function json(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The tags probed: the largest, the one at the median rank, and the smallest with a page of articles. */
async function pickTags(base) {
  const first = await json(`${base}/api/newsroom/tags?sort=count&pageSize=1`);
  const total = first.meta.pagination.total;
  const at = async (rank) => (await json(`${base}/api/newsroom/tags?sort=count&pageSize=1&page=${rank}`)).data[0];
  let small = await at(total);
  // The tail's tags may hold one article: the smallest of those with ten or more (a full first page).
  for (let rank = total; small.articleCount < 10 && rank > 1; ) {
    rank = Math.max(1, Math.floor(rank * 0.9));
    small = await at(rank);
  }
  return { largest: first.data[0], medium: await at(Math.ceil(total / 2)), small };
}

/** The cursor of page `page` (or of the tag's last page, when it has fewer): the `next` of the page before. */
async function cursorOf(base, slug, page, pageCount) {
  const target = Math.min(page, pageCount);
  if (target <= 1) return { page: 1, query: '' };
  const before = await json(`${base}/api/newsroom/tags/${slug}?page=${target - 1}`);
  return { page: target, query: `?after=${encodeURIComponent(before.meta.pagination.next)}` };
}

/** A fresh database's first administrator (the bench's own): its admin JWT. */
async function adminToken(base) {
  const body = { email: 'bench@newsroom.test', password: 'Bench-scale-1', firstname: 'Bench', lastname: 'Scale' };
  const registered = await fetch(`${base}/admin/register-admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (registered.ok) return (await registered.json()).data.token;
  const login = await json(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: body.email, password: body.password }) });
  return login.data.token;
}

/**
 * Every probe of one run, as `{ name: { p50, p99 } }`. Names carry the
 * tag's role, not its slug, so that two corpus sizes compare row by row.
 */
async function probeAll(base, samples) {
  const tags = await pickTags(base);
  const rows = {};
  for (const [role, tag] of Object.entries(tags)) {
    const pages = Math.ceil(tag.articleCount / 10);
    rows[`tag page 1, ${role} tag`] = await latency(role, `${base}/api/newsroom/tags/${tag.slug}`, samples);
    const deep = await cursorOf(base, tag.slug, 1000, pages);
    rows[`tag page 1,000 by cursor, ${role} tag`] = { ...(await latency(role, `${base}/api/newsroom/tags/${tag.slug}${deep.query}`, samples)), note: `page ${deep.page}` };
    rows[`related tags, ${role} tag`] = await latency(role, `${base}/api/newsroom/tags/${tag.slug}/related`, samples);
    // The tag's first word, as an editor types it: every tag with a word starting so.
    const q = encodeURIComponent(tag.name.split(' ')[0].slice(0, 4));
    rows[`tag search q=, ${role} tag`] = await latency(role, `${base}/api/newsroom/tags?q=${q}`, samples);
  }
  const headers = { authorization: `Bearer ${await adminToken(base)}` };
  const list = `${base}/content-manager/collection-types/api::article.article?page=1&pageSize=10`;
  // The list's default sort is its main field, the title (Strapi's content-manager settings).
  rows['CM article list, default sort'] = await latency('cm', `${list}&sort=title:ASC`, samples, { headers });
  rows['CM article list, title search'] = await latency('cm', `${list}&sort=title:ASC&_q=${encodeURIComponent('ceasefire')}`, samples, { headers });
  const byTag = `${list}&sort=title:ASC&filters[$and][0][tags][slug][$eq]=${encodeURIComponent(tags.largest.slug)}`;
  rows['CM article list, filtered by the largest tag'] = await latency('cm', byTag, samples, { headers });
  return { rows, tags: Object.fromEntries(Object.entries(tags).map(([role, tag]) => [role, `${tag.slug} (${tag.articleCount})`])) };
}

module.exports = { probeAll };
