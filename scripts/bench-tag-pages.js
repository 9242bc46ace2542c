#!/usr/bin/env node
'use strict';
// npm run bench:tag-pages: one run, side by side, on the database the
// environment selects (SQLite by default; DATABASE_CLIENT=postgres for a fresh
// PostgreSQL database): builds the corpus, imports it, starts the production
// server and drives four routes with autocannon:
//   (a) our tag page, page 1 of the largest tag
//   (b) our page 200 of the same tag
//   (c) stock Strapi REST filter returning the same articles, tags and sources populated
//   (d) a plugin route that touches no database (the HTTP floor)
//   (e) the same page as (a) through GraphQL (newsroomTagPage, every field)
// and prints requests/s, p50, p99 and the ratios a/c, b/a, a/d, e/a. Then it
// starts the server again with the response cache off (NEWSROOM_CACHE=false)
// and drives (a), (b), (d) and (e) once more: the cost of building a page each time.
const { isDeepStrictEqual } = require('node:util');
const autocannon = require('autocannon');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');

const { flag, hasFlag } = require('./lib/bench-probes');

const ARTICLES = Number(flag('articles', 100000));
// Skip the import when the previous run's database is still there.
const REUSE = hasFlag('reuse');
const DURATION = Number(flag('duration', 15));
const CONNECTIONS = Number(flag('connections', 10));
const PORT = Number(flag('port', 1399));

// (e): what a frontend asks for the page REST's (a) answers.
const GRAPHQL_PAGE = `query ($slug: String!) { newsroomTagPage(slug: $slug) {
  tag { name slug description aliases articleCount metaTitle metaDescription noindex }
  articles { documentId title slug excerpt byline publishedAt updatedAt
    cover { url alternativeText width height formats mime size } tags { name slug } sources { name slug url } }
  pagination { page pageSize pageCount total next } } }`;
const graphqlRequest = (slug) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: GRAPHQL_PAGE, variables: { slug } }),
});

async function drive(name, url, request = {}) {
  // Warm caches and JIT first; only the second run counts. The stock filter
  // can take seconds a request under load: the timeout waits for it.
  await autocannon({ url, ...request, connections: CONNECTIONS, duration: 3, timeout: 120 });
  const result = await autocannon({ url, ...request, connections: CONNECTIONS, duration: DURATION, timeout: 120 });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${name}: ${failed} failed requests (${url})`);
  // Requests completed over the measured time (autocannon's average counts only whole seconds with answers).
  return { name, rps: result.requests.total / DURATION, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const corpus = ensureCorpus(ARTICLES);
  const { env, reused } = await benchDatabase('tag-pages', { reuse: REUSE });
  if (!reused) importCorpus(corpus, env, ARTICLES);

  const base = `http://127.0.0.1:${PORT}`;
  const ratio = (x, y) => (x.rps / y.rps).toFixed(2);
  const table = (title, rows) => {
    console.log(`\n${title}`);
    console.log('| route | req/s | p50 ms | p99 ms |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |`);
  };

  // It compares what the routes cost: the stock content API's admission control and time limit off.
  const rawCost = { NEWSROOM_STOCK_RATE: '0', NEWSROOM_STOCK_CONCURRENCY: '0', DATABASE_PUBLIC_STATEMENT_TIMEOUT: '0' };
  let server = await startServer({ ...env, ...rawCost }, { port: PORT });
  let big;
  let deepUrl;
  let cached;
  try {
    const tags = await (await fetch(`${base}/api/newsroom/tags?sort=count&pageSize=1`)).json();
    big = tags.data[0];
    console.log(`largest tag: ${big.slug} (${big.articleCount} published articles); ${CONNECTIONS} connections, ${DURATION} s each`);

    const stock =
      `${base}/api/articles?filters[tags][slug][$eq]=${encodeURIComponent(big.slug)}` +
      '&populate[tags][fields][0]=name&populate[tags][fields][1]=slug' +
      '&populate[sources][fields][0]=name&populate[sources][fields][1]=slug&populate[sources][fields][2]=url' +
      '&fields[0]=title&fields[1]=slug&fields[2]=excerpt&fields[3]=publishedAt' +
      '&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[pageSize]=10';
    // The same ten articles, in the same order: the comparison is like for like.
    const ours = await (await fetch(`${base}/api/newsroom/tags/${big.slug}`)).json();
    const theirs = await (await fetch(stock)).json();
    const same = JSON.stringify(ours.data.articles.map((a) => a.documentId)) === JSON.stringify(theirs.data.map((a) => a.documentId));
    console.log(`stock REST returns the same page: ${same ? 'yes' : 'NO'}`);
    const viaGraphql = await (await fetch(`${base}/graphql`, graphqlRequest(big.slug))).json();
    // Field order follows the query on GraphQL: compared as values.
    const sameGraphql = isDeepStrictEqual(viaGraphql.data.newsroomTagPage.articles, ours.data.articles);
    console.log(`GraphQL returns the same page: ${sameGraphql ? 'yes' : 'NO'}`);

    // Page 200, or the last page of a smaller corpus's largest tag.
    const deep = Math.min(200, Math.ceil(big.articleCount / 10));
    deepUrl = `${base}/api/newsroom/tags/${big.slug}?page=${deep}`;
    cached = {
      a: await drive('(a) tag page, page 1', `${base}/api/newsroom/tags/${big.slug}`),
      b: await drive(`(b) tag page, page ${deep}`, deepUrl),
      c: await drive('(c) stock REST filter', stock),
      d: await drive('(d) no-database route', `${base}/api/newsroom/health`),
      e: await drive('(e) GraphQL newsroomTagPage, page 1', `${base}/graphql`, graphqlRequest(big.slug)),
    };
  } finally {
    await stopServer(server);
  }

  server = await startServer({ ...env, ...rawCost, NEWSROOM_CACHE: 'false' }, { port: PORT });
  let uncached;
  try {
    uncached = {
      a: await drive('(a) tag page, page 1, built each time', `${base}/api/newsroom/tags/${big.slug}`),
      b: await drive('(b) deep page, built each time', deepUrl),
      d: await drive('(d) no-database route', `${base}/api/newsroom/health`),
      e: await drive('(e) GraphQL page 1, built each time', `${base}/graphql`, graphqlRequest(big.slug)),
    };
  } finally {
    await stopServer(server);
  }

  const { a, b, c, d, e } = cached;
  table(`${client}, ${ARTICLES} articles, as served (response cache on)`, [a, b, c, d, e]);
  console.log(
    `\na/c = ${ratio(a, c)} (target >= 5)   b/a = ${ratio(b, a)} (target >= 0.8)   a/d = ${ratio(a, d)} (target >= 0.6)   e/a = ${ratio(e, a)} (target >= 0.5)`,
  );
  table('the same with NEWSROOM_CACHE=false (every response built from the database)', [uncached.a, uncached.b, uncached.d, uncached.e]);
  console.log(`\na/c = ${ratio(uncached.a, c)}   b/a = ${ratio(uncached.b, uncached.a)}   a/d = ${ratio(uncached.a, uncached.d)}   e/a = ${ratio(uncached.e, uncached.a)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
