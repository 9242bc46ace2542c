#!/usr/bin/env node
'use strict';
// npm run bench:sitemaps: the sitemaps built from scratch (response cache
// off) on the corpus, on the database the environment selects (SQLite by
// default; DATABASE_CLIENT=postgres for PostgreSQL). For the index, the first
// and the last article file, the tags', the sources' and the news sitemap:
// build time (p50 and slowest of --runs), size and URL count, and the
// server's peak RSS; side by side, the last article file against the first
// (fixed id ranges: a file's cost does not depend on where it is) and a full
// 50,000-URL file against the index.
const { ensureCorpus, benchDatabase, importCorpus, startServer, stopServer, client } = require('./lib/bench-server');
const { flag, hasFlag } = require('./lib/bench-probes');
const { procStatus } = require('./lib/server-memory');

const ARTICLES = Number(flag('articles', 100000));
const REUSE = hasFlag('reuse');
const RUNS = Number(flag('runs', 5));
const PORT = Number(flag('port', 1398));

async function timed(url) {
  const times = [];
  let body = '';
  for (let i = 0; i < RUNS + 1; i += 1) {
    const started = performance.now();
    const res = await fetch(url);
    body = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    // The first run warms the JIT and the database's pages: not counted.
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], max: times[times.length - 1], bytes: Buffer.byteLength(body), urls: (body.match(/<loc>/g) || []).length, body };
}

async function main() {
  const corpus = ensureCorpus(ARTICLES);
  const { env, reused } = await benchDatabase('sitemaps', { reuse: REUSE });
  if (!reused) importCorpus(corpus, env, ARTICLES);
  const server = await startServer({ ...env, NEWSROOM_CACHE: 'false' }, { port: PORT });
  const base = `http://127.0.0.1:${PORT}/api/newsroom`;
  try {
    const index = await timed(`${base}/sitemap.xml`);
    const files = [...index.body.matchAll(/<loc>[^<]*\/(sitemap-[^<]+\.xml)<\/loc>/g)].map((m) => m[1]);
    const articleFiles = files.filter((file) => file.startsWith('sitemap-articles-'));
    const rows = [['sitemap.xml', index]];
    for (const file of [articleFiles[0], articleFiles[articleFiles.length - 1], 'sitemap-tags.xml', 'sitemap-sources.xml', 'sitemap-news.xml']) {
      rows.push([file, await timed(`${base}/${file}`)]);
    }
    const memory = procStatus(server.pid);
    console.log(`\n${client}, ${ARTICLES} articles, ${articleFiles.length} article files, response cache off, ${RUNS} runs each`);
    console.log('| file | URLs | size | p50 ms | slowest ms |\n|---|---|---|---|---|');
    for (const [file, r] of rows) console.log(`| ${file} | ${r.urls} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.p50.toFixed(0)} | ${r.max.toFixed(0)} |`);
    const byFile = Object.fromEntries(rows);
    const [first, last] = [byFile[articleFiles[0]], byFile[articleFiles[articleFiles.length - 1]]];
    console.log(`\nlast article file / first, per URL: ${(last.p50 / Math.max(last.urls, 1) / (first.p50 / first.urls)).toFixed(2)}`);
    console.log(`first article file / index: ${(first.p50 / index.p50).toFixed(1)}`);
    if (memory) console.log(`server peak RSS: ${(memory.hwm / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
