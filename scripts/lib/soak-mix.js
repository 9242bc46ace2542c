'use strict';
// The soak's mix (scripts/soak.js): URLs read from the corpus through the API,
// drawn by weight, seeded so that every run sends the same requests.
const { random } = require('./corpus');

// Seeded: the same mix of URLs on every run.
const rand = random(7);
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return { body: await res.json() };
}

const REST_ARTICLE_FIELDS = 'fields[0]=title&fields[1]=slug&fields[2]=excerpt&fields[3]=publishedAt';
const REST_CHEAP_POPULATE = 'populate[tags][fields][0]=name&populate[tags][fields][1]=slug';

/**
 * Reads the corpus through the API (tags and their sizes, cursors, article
 * ids, ETags) and returns the mix: [{kind, weight, next() → {path, headers}}].
 */
async function buildMix(base) {
  const tags = [];
  for (let page = 1; ; page += 1) {
    const { body } = await getJson(`${base}/api/newsroom/tags?sort=count&pageSize=100&page=${page}`);
    tags.push(...body.data);
    if (page >= body.meta.pagination.pageCount) break;
  }
  if (tags.length < 50) throw new Error(`the corpus has ${tags.length} tags with articles; the soak wants at least 50`);
  // Largest first: a few huge tags, hundreds of medium ones, a long tail.
  const big = tags.slice(0, 20);
  const medium = tags.slice(20, Math.min(500, tags.length - 20));
  const small = tags.slice(-Math.min(500, tags.length - 40));
  // A tag drawn for a request: big 25%, medium 50%, small 25%.
  const classes = [big, medium, medium, small];
  const anyTag = () => pick(pick(classes));
  const pageCount = (tag, size = 10) => Math.max(1, Math.ceil(tag.articleCount / size));
  const slug = (tag) => encodeURIComponent(tag.slug);

  // Cursors into big and medium tags at various depths, and article ids, as a reader following links would have them.
  const cursors = [];
  const documentIds = new Set();
  for (let i = 0; i < 120; i += 1) {
    const tag = i % 2 ? pick(big) : pick(medium);
    const { body } = await getJson(`${base}/api/newsroom/tags/${slug(tag)}?page=${between(1, pageCount(tag))}`);
    if (body.meta.pagination.next) cursors.push(`/api/newsroom/tags/${slug(tag)}?after=${encodeURIComponent(body.meta.pagination.next)}`);
    for (const article of body.data.articles) documentIds.add(article.documentId);
  }
  const ids = [...documentIds];
  const restArticleCount = (await getJson(`${base}/api/articles?pagination[pageSize]=1&fields[0]=title`)).body.meta.pagination.total;
  const restTagCount = (await getJson(`${base}/api/tags?pagination[pageSize]=1&fields[0]=name`)).body.meta.pagination.total;
  const restSourceCount = (await getJson(`${base}/api/sources?pagination[pageSize]=1&fields[0]=name`)).body.meta.pagination.total;

  // Conditional requests: URLs a browser or CDN has seen, with the ETag it kept.
  const conditional = [];
  for (let i = 0; i < 60; i += 1) {
    const tag = anyTag();
    const route = pick([
      `/api/newsroom/tags/${slug(tag)}`,
      `/api/newsroom/tags/${slug(tag)}.txt`,
      `/api/newsroom/tags/${slug(tag)}/feed.xml`,
      `/api/newsroom/tags/${slug(tag)}/feed.atom`,
      `/api/newsroom/tags/${slug(tag)}?page=${pageCount(tag)}`,
    ]);
    const res = await fetch(base + route);
    await res.arrayBuffer();
    const etag = res.headers.get('etag');
    if (!res.ok || !etag) throw new Error(`GET ${route}: ${res.status}, ETag ${etag}`);
    conditional.push({ path: route, headers: { 'If-None-Match': etag } });
  }

  const get = (p) => ({ path: p, headers: {} });
  // Weights are shares of the requests (they add up to 100). The stock tag
  // filter and the newest-first sort were the costliest stock reads before
  // the cost policy (an index now answers both); they keep their 0.5% so
  // that runs compare across versions. `stock`: a stock content-API route,
  // which admission control may shed (503); `refused`: a shape the cost
  // policy refuses, whose answer must be a 400.
  const refused = [
    '/api/articles?filters[body][$containsi]=nowhere&pagination[pageSize]=10',
    '/api/articles?sort=title:desc&pagination[page]=5000&pagination[pageSize]=10',
    '/api/tags?populate[articles][populate]=*',
    `/api/tags?filters[articles][sources][name][$eq]=Reuters&pagination[pageSize]=10`,
  ];
  const mix = [
    { kind: 'tag page 1', weight: 14, next: () => get(`/api/newsroom/tags/${slug(anyTag())}${rand() < 0.25 ? '?pageSize=20' : ''}`) },
    {
      kind: 'tag page N (deep)',
      weight: 9,
      next: () => {
        const tag = pick(rand() < 0.6 ? big : medium);
        return get(`/api/newsroom/tags/${slug(tag)}?page=${between(Math.min(2, pageCount(tag)), pageCount(tag))}`);
      },
    },
    { kind: 'tag page ?after=', weight: 6, next: () => get(pick(cursors)) },
    { kind: 'If-None-Match (304)', weight: 10, next: () => pick(conditional) },
    {
      kind: 'text page .txt',
      weight: 8,
      next: () => {
        const tag = anyTag();
        return get(`/api/newsroom/tags/${slug(tag)}.txt${rand() < 0.2 ? `?page=${between(1, pageCount(tag))}` : ''}`);
      },
    },
    { kind: 'RSS feed', weight: 5, next: () => get(`/api/newsroom/tags/${slug(anyTag())}/feed.xml`) },
    { kind: 'Atom feed', weight: 5, next: () => get(`/api/newsroom/tags/${slug(anyTag())}/feed.atom`) },
    {
      kind: 'tag list',
      weight: 5,
      next: () => {
        const sort = pick(['count', 'name']);
        const size = pick([25, 100]);
        return get(`/api/newsroom/tags?sort=${sort}&pageSize=${size}&page=${between(1, Math.ceil(tags.length / size))}${rand() < 0.1 ? '&all=true' : ''}`);
      },
    },
    { kind: 'related tags', weight: 5, next: () => get(`/api/newsroom/tags/${slug(anyTag())}/related?limit=${pick([5, 10, 20])}`) },
  ];
  const stock = [
    {
      kind: 'REST /api/articles',
      weight: 8,
      next: () =>
        get(
          `/api/articles?${REST_ARTICLE_FIELDS}&${REST_CHEAP_POPULATE}` +
            `&pagination[page]=${between(1, Math.min(200, Math.ceil(restArticleCount / 10)))}&pagination[pageSize]=10`,
        ),
    },
    {
      kind: 'REST /api/articles newest first',
      weight: 0.5,
      next: () =>
        get(
          `/api/articles?${REST_ARTICLE_FIELDS}&${REST_CHEAP_POPULATE}&sort[0]=publishedAt:desc` +
            `&pagination[page]=${between(1, Math.min(20, Math.ceil(restArticleCount / 10)))}&pagination[pageSize]=10`,
        ),
    },
    {
      kind: 'REST /api/articles/:id',
      weight: 12,
      next: () => get(`/api/articles/${pick(ids)}?${REST_CHEAP_POPULATE}&populate[sources][fields][0]=name&populate[sources][fields][1]=url`),
    },
    {
      kind: 'REST /api/tags',
      weight: 5,
      next: () => get(`/api/tags?fields[0]=name&fields[1]=slug&sort[0]=name:asc&pagination[pageSize]=25&pagination[page]=${between(1, Math.ceil(restTagCount / 25))}`),
    },
    {
      kind: 'REST /api/sources',
      weight: 5,
      next: () => get(`/api/sources?sort[0]=name:asc&pagination[pageSize]=25&pagination[page]=${between(1, Math.ceil(restSourceCount / 25))}`),
    },
    {
      kind: 'REST tag filter (small tags)',
      weight: 0.5,
      next: () =>
        get(
          `/api/articles?filters[tags][slug][$eq]=${slug(pick(small))}&${REST_ARTICLE_FIELDS}&${REST_CHEAP_POPULATE}` +
            '&sort[0]=publishedAt:desc&pagination[pageSize]=10',
        ),
    },
    { kind: 'REST refused shapes (400)', weight: 2, refused: true, next: () => get(pick(refused)) },
  ].map((m) => ({ ...m, stock: true }));
  mix.push(...stock);
  const summary = `${tags.length} tags (big: ${big[big.length - 1].articleCount}–${big[0].articleCount} articles, ` +
    `medium: ${medium[medium.length - 1].articleCount}–${medium[0].articleCount}, small: ${small[small.length - 1].articleCount}–${small[0].articleCount}), ` +
    `${cursors.length} cursors, ${ids.length} article ids, ${conditional.length} conditional URLs`;
  return { mix, summary };
}

/** A draw from the mix by weight. */
function drawer(mix) {
  const total = mix.reduce((sum, m) => sum + m.weight, 0);
  return () => {
    let x = rand() * total;
    for (const m of mix) if ((x -= m.weight) < 0) return m;
    return mix[mix.length - 1];
  };
}

/**
 * What the cost policy says of an answer: a refused shape must be a 400; a
 * stock request may be shed by admission control (503, with Retry-After);
 * anything else must be 2xx or 304.
 */
function policyVerdict(entry, status) {
  if (entry.refused) return status === 400 ? 'ok' : 'bad';
  if ((status >= 200 && status < 300) || status === 304) return 'ok';
  return entry.stock && status === 503 ? 'shed' : 'bad';
}

module.exports = { buildMix, drawer, policyVerdict };
