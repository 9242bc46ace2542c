#!/usr/bin/env node
'use strict';
// npm run soak -- [--duration 60] [--connections 64] [--warmup 10]
//                 [--articles 100000] [--reuse] [--port 1398] [--timeout 30]
// Boots the production server (`strapi start`, a child process, so its memory
// is what is measured, not the load generator's) on the benchmark corpus, and
// drives it with autocannon: a warm-up (not counted), then the soak, each a
// mix of tag pages (page 1, deep pages, cursors, big/medium/small tags), text
// pages, RSS/Atom feeds, the tag list, related tags, conditional requests
// (If-None-Match → 304), stock REST routes and stock shapes the cost policy
// refuses. Prints requests/s, latency, errors, answers off policy (per
// route), stock requests shed, and the server's memory at start, after the
// warm-up, at the end and at its peak.
// PASS: no errors or timeouts; plugin routes answer 2xx/304, stock routes
// 2xx/304 or 503 (shed by admission control, at most 5% of them), refused
// shapes 400; RSS at the end <= 1.20 x RSS after the warm-up. Exit code 1 on FAIL.
const path = require('node:path');
const { parseArgs } = require('node:util');
const autocannon = require('autocannon');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');
const { percentile } = require('./lib/bench-probes');
const { buildMix, drawer, policyVerdict } = require('./lib/soak-mix');
const { procStatus, sample, rssSampler } = require('./lib/server-memory');
const { ms, mb, printPhases, printKinds, printTimeline } = require('./lib/soak-report');

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '10' },
    articles: { type: 'string', default: '100000' },
    reuse: { type: 'boolean', default: false },
    port: { type: 'string', default: '1398' },
    // Seconds a request may take before it counts as a timeout (an error).
    timeout: { type: 'string', default: '30' },
  },
});
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const WARMUP = Number(opts.warmup);
const ARTICLES = Number(opts.articles);
const PORT = Number(opts.port);
const TIMEOUT = Number(opts.timeout);
const MAX_MEMORY_RATIO = 1.2;
// Admission control sheds stock requests (503 + Retry-After) past what the server can serve:
// an answer of the policy, not an error, while it stays a small share of them.
const MAX_SHED_SHARE = 0.05;
const base = `http://127.0.0.1:${PORT}`;

/** One autocannon run of the mix for `seconds`; statuses, latencies and errors per route kind. */
async function drive(mix, seconds) {
  const draw = drawer(mix);
  const perKind = new Map(mix.map((m) => [m.kind, { entry: m, statuses: {}, latencies: [], badExamples: [] }]));
  const errors = {};
  let responses = 0;
  let bad = 0;
  // Stock requests answered, and those of them admission control shed (503).
  let stockAnswers = 0;
  let shed = 0;
  const started = Date.now();
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: TIMEOUT,
    requests: [
      {
        method: 'GET',
        // A new URL for every request; the kind stays in the connection's context until its answer.
        setupRequest: (request, context) => {
          const m = draw();
          const { path: p, headers } = m.next();
          context.kind = m.kind;
          context.path = p;
          return { ...request, path: p, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  // autocannon's own non2xx counts 304 as a failure: statuses are tallied here.
  // Per second of the run: answers, the slowest, timeouts (a stall shows here).
  const perSecond = [];
  const second = () => (perSecond[Math.min(seconds - 1, Math.floor((Date.now() - started) / 1000))] ??= { n: 0, max: 0, errors: 0 });
  instance.on('response', (c, status, bytes, ms) => {
    const { kind, path: p } = c.requestIterator.context;
    const k = perKind.get(kind);
    const s = second();
    s.n += 1;
    s.max = Math.max(s.max, ms);
    responses += 1;
    if (!k) return;
    k.statuses[status] = (k.statuses[status] ?? 0) + 1;
    k.latencies.push(ms);
    if (k.entry.stock) stockAnswers += 1;
    const verdict = policyVerdict(k.entry, status);
    if (verdict === 'shed') shed += 1;
    if (verdict === 'bad') {
      bad += 1;
      if (k.badExamples.length < 3) k.badExamples.push(`${status} ${p}`);
    }
  });
  instance.on('reqError', (error) => {
    second().errors += 1;
    const key = error?.code || error?.message || String(error);
    errors[key] = (errors[key] ?? 0) + 1;
  });
  const result = await instance;
  const elapsed = (Date.now() - started) / 1000;
  const all = [];
  const kinds = [];
  for (const m of mix) {
    const k = perKind.get(m.kind);
    const sorted = Float64Array.from(k.latencies).sort();
    for (const v of k.latencies) all.push(v);
    kinds.push({ kind: m.kind, weight: m.weight, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], statuses: k.statuses, badExamples: k.badExamples });
  }
  const sortedAll = Float64Array.from(all).sort();
  return {
    responses,
    rps: responses / elapsed,
    p50: percentile(sortedAll, 50),
    p99: percentile(sortedAll, 99),
    max: sortedAll[sortedAll.length - 1],
    errors: result.errors,
    timeouts: result.timeouts,
    errorKinds: errors,
    bad,
    shed,
    stockAnswers,
    kinds,
    perSecond: Array.from({ length: perSecond.length }, (_, i) => perSecond[i] ?? { n: 0, max: 0, errors: 0 }),
  };
}

// ---------------------------------------------------------------- report

async function main() {
  const corpus = ensureCorpus(ARTICLES);
  const { env, reused } = await benchDatabase(`soak-${ARTICLES}`, { reuse: opts.reuse });
  if (!reused) importCorpus(corpus, { ...env, NEWSROOM_SEED: 'false' }, ARTICLES);

  // One load generator stands for many readers: no per-client rate limit (the rest of the policy applies).
  const server = await startServer({ ...env, NEWSROOM_STOCK_RATE: '0' }, {
    port: PORT,
    nodeArgs: ['--expose-gc', '--require', path.join(__dirname, 'lib', 'memory-probe.js')],
    ipc: true,
  });
  const stop = () => stopServer(server);
  process.once('SIGINT', () => stop().then(() => process.exit(130)));
  let sampler;
  try {
    const memory = { start: await sample(server) };
    const { mix, summary } = await buildMix(base);
    console.log(`soak: ${client}, ${ARTICLES} articles; ${summary}`);
    console.log(`${CONNECTIONS} connections, ${WARMUP} s warm-up (not counted), then ${DURATION} s; request timeout ${TIMEOUT} s`);

    sampler = rssSampler(server);
    const warm = WARMUP > 0 ? await drive(mix, WARMUP) : null;
    const warmRss = sampler.take();
    memory.warm = await sample(server);
    const soak = await drive(mix, DURATION);
    const soakRss = sampler.take();
    memory.end = await sample(server);
    sampler.stop();
    const hwm = procStatus(server.pid)?.hwm;

    console.log(`\n${client}, ${ARTICLES} articles, ${CONNECTIONS} connections`);
    printPhases([...(warm ? [['warm-up', WARMUP, warm]] : []), ['soak', DURATION, soak]]);
    printKinds(soak);

    const baseline = WARMUP > 0 ? memory.warm : memory.start;
    const ratio = memory.end.rss / baseline.rss;
    const peak = Math.max(warmRss.peak, soakRss.peak, memory.warm.rss, memory.end.rss);
    const heapNote = memory.end.heapAfterGc ? 'heap used after GC' : 'heap used';
    const row = (name, m) => console.log(`| ${name} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${mb(m.external)} |`);
    console.log(`\n| server memory | RSS MB | ${heapNote} MB | external MB |\n|---|---|---|---|`);
    row('start (after boot)', memory.start);
    if (WARMUP > 0) row('after warm-up', memory.warm);
    row('end', memory.end);
    console.log(`| peak during load (sampled each second) | ${mb(peak)} | | |`);
    if (hwm) console.log(`| peak since boot (VmHWM) | ${mb(hwm)} | | |`);
    printTimeline(soak.perSecond, soakRss.timeline);

    const failures = [];
    const errors = soak.errors + (warm?.errors ?? 0);
    const bad = soak.bad + (warm?.bad ?? 0);
    const shedShare = soak.shed / Math.max(1, soak.stockAnswers);
    if (errors) failures.push(`${errors} errors/timeouts`);
    if (bad) failures.push(`${bad} answers the policy does not give`);
    if (!(shedShare <= MAX_SHED_SHARE)) failures.push(`${(100 * shedShare).toFixed(1)}% of the stock requests shed`);
    if (!(ratio <= MAX_MEMORY_RATIO)) failures.push(`RSS grew ${ratio.toFixed(2)}x`);
    console.log(`\nRSS end / ${WARMUP > 0 ? 'after warm-up' : 'start'} = ${ratio.toFixed(2)} (target <= ${MAX_MEMORY_RATIO.toFixed(2)})`);
    console.log(
      `${failures.length ? 'FAIL' : 'PASS'}: ${soak.rps.toFixed(0)} req/s, p99 ${ms(soak.p99)} ms, ${errors} errors, ${bad} answers off policy ` +
        `(warm-up included), ${soak.shed} of ${soak.stockAnswers} stock requests shed (${(100 * shedShare).toFixed(1)}%), memory ${ratio.toFixed(2)}x${failures.length ? ` — ${failures.join('; ')}` : ''}`,
    );
    if (failures.length) process.exitCode = 1;
  } finally {
    sampler?.stop();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
