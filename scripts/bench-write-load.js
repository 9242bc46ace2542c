#!/usr/bin/env node
'use strict';
// npm run bench:write-load -- [--articles 100000] [--duration 30] [--connections 32] [--pages 400]
//                             [--publishes-per-second 1] [--rounds 6] [--reuse] [--port 1397]
// Readers over the first page of `pages` different tags (JSON, as a frontend
// reads them) at `connections` connections, on the production server
// (`strapi start`, a child process) and the database the environment selects
// (SQLite by default, DATABASE_CLIENT=postgres): first with no writes, then
// while an editor publishes new articles through the Content Manager API,
// each on one of those tags, and reads its tag page right after. Prints, side
// by side (the two phases alternate, `rounds` times, `duration` seconds each
// in all): throughput, p50/p99, the response cache's hit rate, and how many
// publishes were not on their tag page when read back (target 0).
// PASS: ratio of throughputs >= 0.95, p99 under writes <= 1.5 x quiet, 0 not
// visible, no errors. Exit code 1 on FAIL.
const autocannon = require('autocannon');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');
const { flag, hasFlag } = require('./lib/bench-probes');
const { adminSession } = require('./lib/bench-admin');

const ARTICLES = Number(flag('articles', 100000));
const DURATION = Number(flag('duration', 30));
const CONNECTIONS = Number(flag('connections', 32));
const PAGES = Number(flag('pages', 400));
const RATE = Number(flag('publishes-per-second', 1));
const PORT = Number(flag('port', 1397));
const ROUNDS = Number(flag('rounds', 6));
const WARMUP = 5;
const TARGET_RATIO = 0.95;
const TARGET_P99 = 1.5;
const base = `http://127.0.0.1:${PORT}`;

/** The `count` largest tags with articles, from the public tag list. */
async function largestTags(count) {
  const tags = [];
  for (let page = 1; tags.length < count; page += 1) {
    const body = await (await fetch(`${base}/api/newsroom/tags?sort=count&pageSize=100&page=${page}`)).json();
    tags.push(...body.data);
    if (page >= body.meta.pagination.pageCount) break;
  }
  return tags.slice(0, count);
}

/** Readers for `seconds`, adding to `tally` (answers, latencies, cache hits, failures, time). */
async function read(paths, seconds, tally) {
  let next = 0;
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
        onResponse: (status, body, context, headers) => {
          // autocannon keeps the header names' case.
          const state = headers['X-Newsroom-Cache'] ?? headers['x-newsroom-cache'];
          if (state in tally.cache) tally.cache[state] += 1;
        },
      },
    ],
  });
  instance.on('response', (client, status, bytes, ms) => tally.latencies.push(ms));
  const result = await instance;
  tally.seconds += seconds;
  tally.failed += result.non2xx + result.errors + result.timeouts;
}

const tally = () => ({ latencies: [], cache: { hit: 0, miss: 0 }, failed: 0, seconds: 0 });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(t) {
  const sorted = Float64Array.from(t.latencies).sort();
  return {
    rps: sorted.length / t.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failed: t.failed,
    hitRate: t.cache.hit / Math.max(1, t.cache.hit + t.cache.miss),
  };
}

/** An editor publishing `RATE` new articles a second until `stop()`; each read back on its tag page at once. */
function editor(session, tags, stats = { published: 0, notVisible: 0, failed: 0, ms: [] }) {
  let stopped = false;
  const loop = (async () => {
    for (let due = Date.now(); !stopped; due += 1000 / RATE) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      const n = stats.published + stats.failed + 1;
      const tag = tags[n % tags.length];
      const started = Date.now();
      try {
        const documentId = await session.publishArticle({ title: `Write load ${process.pid} ${n}`, tag: tag.documentId });
        stats.ms.push(Date.now() - started);
        stats.published += 1;
        const page = await (await fetch(`${base}/api/newsroom/tags/${encodeURIComponent(tag.slug)}`)).json();
        if (!page.data.articles.some((article) => article.documentId === documentId)) stats.notVisible += 1;
      } catch (error) {
        stats.failed += 1;
        if (stats.failed <= 3) console.error(`publish failed: ${error.message}`);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return stats;
    },
  };
}

async function main() {
  const corpus = ensureCorpus(ARTICLES);
  const { env, reused } = await benchDatabase(`write-load-${ARTICLES}`, { reuse: hasFlag('reuse') });
  if (!reused) importCorpus(corpus, env, ARTICLES);
  // One load generator stands for many readers: no per-client rate limit.
  const server = await startServer({ ...env, NEWSROOM_STOCK_RATE: '0' }, { port: PORT });
  try {
    const session = await adminSession(base);
    const tags = await session.withDocumentIds(await largestTags(PAGES));
    const paths = tags.map((tag) => `/api/newsroom/tags/${encodeURIComponent(tag.slug)}`);
    console.log(`write load: ${client}, ${ARTICLES} articles; readers over ${paths.length} tag pages at ${CONNECTIONS} connections; ${DURATION} s each phase`);

    // Quiet and writing phases alternate, so that both meet the same state of the machine.
    const phase = { quiet: tally(), writing: tally() };
    await read(paths, WARMUP, tally());
    let writes;
    for (let round = 0; round < ROUNDS; round += 1) {
      await read(paths, DURATION / ROUNDS, phase.quiet);
      const writing = editor(session, tags, writes);
      await read(paths, DURATION / ROUNDS, phase.writing);
      writes = await writing.stop();
    }
    const quiet = summary(phase.quiet);
    const loaded = summary(phase.writing);

    const sorted = [...writes.ms].sort((a, b) => a - b);
    const publishP50 = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const row = (name, r, extra) => console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(100 * r.hitRate).toFixed(1)}% | ${extra} |`);
    console.log(`\n${client}, ${ARTICLES} articles, ${paths.length} tag pages, ${CONNECTIONS} connections`);
    console.log('| phase | req/s | p50 ms | p99 ms | cache hits | publishes (not visible at once) |\n|---|---|---|---|---|---|');
    row('no writes', quiet, '-');
    row(`${RATE} publish/s`, loaded, `${writes.published} (${writes.notVisible}); publish p50 ${publishP50} ms`);
    const ratio = loaded.rps / quiet.rps;
    const p99Ratio = loaded.p99 / Math.max(1, quiet.p99);
    console.log(`\nthroughput under writes / quiet = ${ratio.toFixed(2)} (target >= ${TARGET_RATIO})   p99 under writes / quiet = ${p99Ratio.toFixed(2)} (target <= ${TARGET_P99})`);

    const failures = [];
    if (quiet.failed + loaded.failed) failures.push(`${quiet.failed + loaded.failed} failed reads`);
    if (writes.failed) failures.push(`${writes.failed} failed publishes`);
    if (writes.published === 0) failures.push('nothing published');
    if (writes.notVisible) failures.push(`${writes.notVisible} publishes not visible at once`);
    if (!(ratio >= TARGET_RATIO)) failures.push(`throughput ratio ${ratio.toFixed(2)}`);
    if (!(p99Ratio <= TARGET_P99)) failures.push(`p99 ratio ${p99Ratio.toFixed(2)}`);
    console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS');
    if (failures.length) process.exitCode = 1;
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
