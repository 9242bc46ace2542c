#!/usr/bin/env node
'use strict';
// npm run soak -- [--duration 60] [--connections 64] [--warmup 10]
//                 [--articles 100000] [--reuse] [--port 1398] [--timeout 30]
// Boots the production server (`strapi start`, a child process, so its memory
// is what is measured, not the load generator's) on the benchmark corpus, and
// drives it with autocannon: a warm-up (not counted), then the soak, each a
// mix of tag pages (page 1, deep pages, cursors, big/medium/small tags), text
// pages, RSS/Atom feeds, the tag list, related tags, conditional requests
// (If-None-Match → 304) and stock REST routes. Prints requests/s, latency,
// errors, responses other than 2xx/304 (per route), and the server's memory
// at start, after the warm-up, at the end and at its peak.
// PASS: no errors or timeouts, only 2xx/304, RSS at the end <= 1.20 x RSS
// after the warm-up. Exit code 1 on FAIL.
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const autocannon = require('autocannon');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');
const { random } = require('./lib/corpus');

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
const base = `http://127.0.0.1:${PORT}`;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- the mix

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
async function buildMix() {
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
  // Weights are shares of the requests (they add up to 100). Two stock routes
  // cost far more than the rest on a large corpus, so they get small tags only
  // and 0.5% each, or they would be most of what the server does (and on
  // SQLite, whose queries run on the event loop, stall everything else):
  // the tag filter (`filters[tags][slug][$eq]`: a join and DISTINCT over every
  // article, ~0.5 s on 100k articles), and sorting by publishedAt (no index
  // to read it from: every published row is sorted, ~0.7 s).
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
    {
      kind: 'REST /api/articles',
      weight: 10,
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
  ];
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

// ---------------------------------------------------------------- memory

/** The server's resident set from /proc (Linux), read without its event loop's help. */
function procStatus(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [])[1]) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Asks the server's memory probe (scripts/lib/memory-probe.js) for process.memoryUsage(), after a full GC if `gc`. */
function probe(server, gc) {
  return new Promise((resolve) => {
    const id = Math.random();
    const timer = setTimeout(() => {
      server.off('message', onMessage);
      resolve(null);
    }, 30000);
    function onMessage(message) {
      if (message?.type !== 'memory' || message.id !== id) return;
      clearTimeout(timer);
      server.off('message', onMessage);
      resolve(message);
    }
    server.on('message', onMessage);
    server.send({ type: 'memory', id, gc });
  });
}

/** RSS first (as load left it), then the heap after a GC. */
async function sample(server) {
  const proc = procStatus(server.pid);
  const answer = await probe(server, true);
  return {
    rss: proc ? proc.rss : answer?.before.rss,
    heapUsed: answer?.afterGc?.heapUsed ?? answer?.before.heapUsed,
    // Buffers and other memory V8 does not manage: where RSS goes when the heap stays put.
    external: answer?.afterGc?.external ?? answer?.before.external,
    heapAfterGc: Boolean(answer?.afterGc),
  };
}

/** RSS every second while load runs: the peak and a timeline. */
function rssSampler(server) {
  const timeline = [];
  let peak = 0;
  const timer = setInterval(() => {
    const proc = procStatus(server.pid);
    if (!proc) return;
    timeline.push(proc.rss);
    peak = Math.max(peak, proc.rss);
  }, 1000);
  return {
    take() {
      const taken = { timeline: timeline.splice(0), peak };
      peak = 0;
      return taken;
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------- load

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One autocannon run of the mix for `seconds`; statuses, latencies and errors per route kind. */
async function drive(mix, seconds) {
  const draw = drawer(mix);
  const perKind = new Map(mix.map((m) => [m.kind, { statuses: {}, latencies: [], badExamples: [] }]));
  const errors = {};
  let responses = 0;
  let bad = 0;
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
    if (!(status >= 200 && status < 300) && status !== 304) {
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
    kinds,
    perSecond: Array.from({ length: perSecond.length }, (_, i) => perSecond[i] ?? { n: 0, max: 0, errors: 0 }),
  };
}

// ---------------------------------------------------------------- report

const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '-');
const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / MB).toFixed(0) : '-');

function printPhases(phases) {
  console.log('\n| phase | seconds | requests | req/s | p50 ms | p99 ms | max ms | errors | of which timeouts | non-2xx/304 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, seconds, r] of phases) {
    console.log(`| ${name} | ${seconds} | ${r.responses} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.timeouts} | ${r.bad} |`);
  }
}

function printKinds(r) {
  console.log('\n| route (soak) | share | requests | p50 ms | p99 ms | max ms | statuses |');
  console.log('|---|---|---|---|---|---|---|');
  for (const k of r.kinds) {
    const statuses = Object.entries(k.statuses).map(([s, n]) => `${s}: ${n}`).join(', ') || '-';
    console.log(`| ${k.kind} | ${k.weight}% | ${k.count} | ${ms(k.p50)} | ${ms(k.p99)} | ${ms(k.max)} | ${statuses} |`);
  }
  for (const k of r.kinds) for (const example of k.badExamples) console.log(`  ${k.kind}: ${example}`);
  for (const [error, n] of Object.entries(r.errorKinds)) console.log(`  error: ${error} x ${n}`);
}

/** The soak in 12 or so slices: answers/s, slowest answer, timeouts and errors, server RSS at the slice's end. */
function printTimeline(perSecond, rss) {
  const every = Math.max(1, Math.round(perSecond.length / 12));
  console.log(`\n| soak, every ${every} s | req/s | slowest ms | errors | RSS MB |\n|---|---|---|---|---|`);
  for (let from = 0; from < perSecond.length; from += every) {
    const slice = perSecond.slice(from, from + every);
    const n = slice.reduce((sum, x) => sum + x.n, 0);
    const errors = slice.reduce((sum, x) => sum + x.errors, 0);
    const slowest = Math.max(...slice.map((x) => x.max));
    const to = Math.min(from + every, rss.length) - 1;
    console.log(`| ${from}–${from + slice.length} s | ${(n / slice.length).toFixed(0)} | ${ms(slowest)} | ${errors} | ${to >= 0 ? mb(rss[to]) : '-'} |`);
  }
}

// ---------------------------------------------------------------- main

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
    const { mix, summary } = await buildMix();
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
    if (errors) failures.push(`${errors} errors/timeouts`);
    if (bad) failures.push(`${bad} responses other than 2xx/304`);
    if (!(ratio <= MAX_MEMORY_RATIO)) failures.push(`RSS grew ${ratio.toFixed(2)}x`);
    console.log(`\nRSS end / ${WARMUP > 0 ? 'after warm-up' : 'start'} = ${ratio.toFixed(2)} (target <= ${MAX_MEMORY_RATIO.toFixed(2)})`);
    console.log(
      `${failures.length ? 'FAIL' : 'PASS'}: ${soak.rps.toFixed(0)} req/s, p99 ${ms(soak.p99)} ms, ${errors} errors, ${bad} non-2xx/304 ` +
        `(warm-up included), memory ${ratio.toFixed(2)}x${failures.length ? ` — ${failures.join('; ')}` : ''}`,
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
