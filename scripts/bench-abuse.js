#!/usr/bin/env node
'use strict';
// npm run bench:abuse -- [--reuse] [--no-rate]: what a handful of expensive stock URLs do to the
// server. On the database the environment selects (SQLite by default;
// DATABASE_CLIENT=postgres), with the 100k corpus (the same database as
// bench:tag-pages, so --reuse skips the import of either), the production
// server in a child process, and:
//   - 16 connections cycling over the shapes of issue #12 (a relation filter
//     on the largest tag, $containsi over every body, a deep sorted page,
//     tags filtered through their articles' sources, populate of every
//     article of every tag and source) and the deepest shapes still served;
//   - meanwhile, every 200 ms, a probe of /api/newsroom/health and one of a
//     tag page, from this process with Node's fetch;
//   - after the load stops, probes until one answers as fast as before it.
// Prints the heavy requests by status, how many took over 5 s, the probes'
// p50/p99/max and the recovery time. Targets: none over 5 s, probe p99 <=
// 500 ms, recovery <= 200 ms.
const autocannon = require('autocannon');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');
const { flag, hasFlag, sleep, percentile, timed, probeLoop: probeEvery } = require('./lib/bench-probes');

const ARTICLES = Number(flag('articles', 100000));
const REUSE = hasFlag('reuse');
const DURATION = Number(flag('duration', 15));
const CONNECTIONS = Number(flag('connections', 16));
const PORT = Number(flag('port', 1397));
// All connections come from this one address: the per-client rate limit answers most of
// them 429. --no-rate turns it off, as if each connection were a bot of its own.
const NO_RATE = hasFlag('no-rate');
const PROBE_EVERY_MS = 200;
const SLOW_MS = 5000;
const probeLoop = (urls) => probeEvery(urls, PROBE_EVERY_MS);

async function main() {
  const corpus = ensureCorpus(ARTICLES);
  const { env, reused } = await benchDatabase('tag-pages', { reuse: REUSE });
  if (!reused) importCorpus(corpus, env, ARTICLES);
  const base = `http://127.0.0.1:${PORT}`;
  const server = await startServer(NO_RATE ? { ...env, NEWSROOM_STOCK_RATE: '0' } : env, { port: PORT });
  try {
    const tags = (await (await fetch(`${base}/api/newsroom/tags?sort=count&pageSize=100`)).json()).data;
    const [big, second] = tags;
    const medium = tags[50];
    const source = (await (await fetch(`${base}/api/sources?sort=name&pagination[pageSize]=1`)).json()).data[0];
    const heavy = [
      `/api/articles?filters[tags][slug][$eq]=${big.slug}&populate[tags][fields][0]=name&populate[sources][fields][0]=name&sort=publishedAt:desc&pagination[pageSize]=10`,
      '/api/articles?filters[body][$containsi]=xylophonequartz&pagination[pageSize]=10',
      '/api/articles?sort=title:desc&pagination[page]=5000&pagination[pageSize]=10',
      `/api/tags?filters[articles][sources][name][$eq]=${encodeURIComponent(source.name)}&pagination[pageSize]=10`,
      '/api/tags?populate[articles][populate]=*',
      '/api/sources?populate[articles][populate]=*',
      // The deepest and widest shapes the policy still serves.
      '/api/articles?sort=title:desc&pagination[page]=1000&pagination[pageSize]=10',
      `/api/articles?filters[tags][slug][$in][0]=${big.slug}&filters[tags][slug][$in][1]=${second.slug}&sort=publishedAt:desc&pagination[page]=100&pagination[pageSize]=100`,
      '/api/articles?populate=*&pagination[pageSize]=100',
    ];
    const probes = [`${base}/api/newsroom/health`, `${base}/api/newsroom/tags/${medium.slug}`];
    console.log(`${client}${NO_RATE ? ' (no per-client rate)' : ''}, ${ARTICLES} articles; largest tag ${big.slug} (${big.articleCount}); ${CONNECTIONS} connections for ${DURATION} s over:`);
    for (const path of heavy) console.log(`  ${path}`);

    // Before: what a probe costs on an idle server.
    const idle = probeLoop(probes);
    await sleep(3000);
    const before = (await idle.stop()).flat().map((r) => r.ms);
    const normalMs = Math.max(50, 2 * percentile(before, 99));

    const statuses = new Map();
    const byShape = heavy.map(() => ({ statuses: new Map(), slow: 0, max: 0 }));
    let slow = 0;
    const loaded = probeLoop(probes);
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 60,
      requests: heavy.map((path) => ({ method: 'GET', path })),
    });
    instance.on('response', (clientInstance, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      // Each connection cycles through `requests` in order, one at a time: this is the one just answered.
      const stats = byShape[clientInstance.requestIterator.currentRequestIndex];
      stats.statuses.set(statusCode, (stats.statuses.get(statusCode) ?? 0) + 1);
      stats.max = Math.max(stats.max, responseTime);
      if (responseTime > SLOW_MS) {
        slow += 1;
        stats.slow += 1;
      }
    });
    const result = await instance;
    const during = await loaded.stop();

    // After: how long until a probe answers as it did on the idle server.
    const stoppedAt = performance.now();
    let recoveryMs = NaN;
    for (let i = 0; i < 600; i += 1) {
      const r = await timed(probes[0]);
      if (r.status === 200 && r.ms <= normalMs) {
        recoveryMs = performance.now() - stoppedAt;
        break;
      }
      await sleep(20);
    }

    const show = (map) => [...map].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${n}×${s}`).join(' ');
    console.log(`\nheavy requests: ${result.requests.total} answered (${show(statuses)}), ${result.errors} errors, ${result.timeouts} timeouts, ${slow} over ${SLOW_MS / 1000} s`);
    console.log('| shape | answers | slowest ms | over 5 s |\n|---|---|---|---|');
    heavy.forEach((path, i) => console.log(`| ${path.slice(0, 90)} | ${show(byShape[i].statuses)} | ${byShape[i].max} | ${byShape[i].slow} |`));
    console.log('\n| probe | idle p50 | under load p50 | p99 | max | failed |\n|---|---|---|---|---|---|');
    probes.forEach((url, i) => {
      const ms = during[i].map((r) => r.ms);
      const failed = during[i].filter((r) => r.status !== 200).length;
      const idleMs = before.filter((_, j) => j % probes.length === i);
      console.log(`| ${url.replace(base, '')} | ${percentile(idleMs, 50).toFixed(0)} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${failed} of ${ms.length} |`);
    });
    console.log(`\nback to normal (a probe within ${normalMs.toFixed(0)} ms) ${recoveryMs.toFixed(0)} ms after the load stopped`);
    const p99 = Math.max(...during.map((rs) => percentile(rs.map((r) => r.ms), 99)));
    const pass = slow === 0 && result.timeouts === 0 && p99 <= 500 && recoveryMs <= 200;
    console.log(`${pass ? 'PASS' : 'FAIL'}: over 5 s ${slow} (target 0), probe p99 ${p99.toFixed(0)} ms (target <= 500), recovery ${recoveryMs.toFixed(0)} ms (target <= 200)`);
    if (!pass) process.exitCode = 1;
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
