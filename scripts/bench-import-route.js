#!/usr/bin/env node
'use strict';
// npm run bench:import-route -- [--articles 10000] [--existing 20000] [--reuse]
// What an import through the admin route does to the readers of the site.
// On the database the environment selects (SQLite by default;
// DATABASE_CLIENT=postgres), the production server in a child process
// holding `--existing` corpus articles, and a tag listing of `--articles`
// items (the seed's format, about 800 bytes an item) posted to
// POST /newsroom/import twice: as a dry run, then for real. Meanwhile,
// every 100 ms, a probe of /api/newsroom/health, of a tag page and of the
// stock article list, each its own request from Node's fetch.
// Prints each import's time and the probes' p50/p99/max while it ran, idle
// for comparison. Target (issue #11): the slowest probe <= 250 ms.
const { corpusLines } = require('./lib/corpus');
const { client, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer } = require('./lib/bench-server');
const { flag, hasFlag, sleep, percentile, probeLoop } = require('./lib/bench-probes');

const ARTICLES = Number(flag('articles', 10000));
const EXISTING = Number(flag('existing', 20000));
const PORT = Number(flag('port', 1396));
const PROBE_EVERY_MS = 100;
const TARGET_MS = 250;
// New titles each run, so that with --reuse the real import still creates every article.
const RUN = Date.now().toString(36);

/** A tag listing of `count` items, each a title and two paragraphs ending in the seed's ellipsis. */
function listing(count) {
  const items = [];
  for (const line of corpusLines({ articles: count, seed: 7, bodyChars: 500 })) {
    const { title, body, bodyFormat } = JSON.parse(line);
    const text = bodyFormat === 'blocks' ? body.map((b) => b.children[0].text).join('\n\n') : body.replace(/<[^>]+>|\*\*|## /g, '');
    const paragraphs = text.split(/\n+/).filter((p) => p && p !== 'Background').slice(0, 2);
    items.push(`  • ${title} [${RUN}]\n\n${paragraphs.map((p) => `    ${p}`).join('\n\n')}\u00a0…`);
  }
  return [`Contents tagged with Route import ${RUN}`, ...items].join('\n\n');
}

async function adminToken(base) {
  const res = await fetch(`${base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstname: 'Bench', lastname: 'Admin', email: 'bench@example.com', password: 'Bench-admin-1' }),
  });
  if (res.ok) return (await res.json()).data.token;
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'Bench-admin-1' }),
  });
  if (!login.ok) throw new Error(`no admin token: ${login.status} ${await login.text()}`);
  return (await login.json()).data.token;
}

function report(name, results, urls, base) {
  console.log(`\n${name}\n| probe | answers | p50 ms | p99 ms | max ms | failed |\n|---|---|---|---|---|---|`);
  urls.forEach((url, i) => {
    const ms = results[i].map((r) => r.ms);
    const failed = results[i].filter((r) => r.status !== 200).length;
    console.log(`| ${url.replace(base, '')} | ${ms.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${failed} |`);
  });
  return { max: Math.max(...results.flat().map((r) => r.ms)), failed: results.flat().filter((r) => r.status !== 200).length };
}

async function main() {
  const { env, reused } = await benchDatabase(`import-route-${EXISTING}`, { reuse: hasFlag('reuse') });
  if (!reused && EXISTING > 0) importCorpus(ensureCorpus(EXISTING), env, EXISTING);
  const base = `http://127.0.0.1:${PORT}`;
  // No per-client rate on the stock API: the probes come from one address, 150 a second.
  const server = await startServer({ ...env, NEWSROOM_STOCK_RATE: '0' }, { port: PORT });
  try {
    const token = await adminToken(base);
    const tag = (await (await fetch(`${base}/api/newsroom/tags?sort=count&pageSize=20`)).json()).data.at(-1);
    const urls = [`${base}/api/newsroom/health`, `${base}/api/articles?pagination[pageSize]=5`];
    if (tag) urls.splice(1, 0, `${base}/api/newsroom/tags/${tag.slug}`);
    const text = listing(ARTICLES);
    console.log(`${client}, ${EXISTING} articles in the database; a listing of ${ARTICLES} items (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB) through POST /newsroom/import`);

    await probeLoop(urls, PROBE_EVERY_MS).stop(await sleep(2000)); // warm-up, not counted
    const idle = probeLoop(urls, PROBE_EVERY_MS);
    await sleep(3000);
    report('idle, 3 s', await idle.stop(), urls, base);

    let worst = 0;
    let failed = 0;
    for (const dryRun of [true, false]) {
      const probes = probeLoop(urls, PROBE_EVERY_MS);
      const started = performance.now();
      const res = await fetch(`${base}/newsroom/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text, fileName: 'route-import.txt', dryRun }),
      });
      const body = await res.json();
      const seconds = (performance.now() - started) / 1000;
      // A moment after the answer: the commit's aftermath (checkpoint, statistics) counts too.
      await sleep(1000);
      const results = await probes.stop();
      if (!res.ok) throw new Error(`the import failed: ${res.status} ${JSON.stringify(body.error)}`);
      const { created, updated, unchanged } = body.data.articles;
      const r = report(
        `${dryRun ? 'dry run' : 'import'}: ${created + updated + unchanged} articles in ${seconds.toFixed(1)} s (${created} created)`,
        results,
        urls,
        base,
      );
      worst = Math.max(worst, r.max);
      failed += r.failed;
    }
    const pass = worst <= TARGET_MS && failed === 0;
    console.log(`\n${pass ? 'PASS' : 'FAIL'}: slowest probe during the imports ${worst.toFixed(0)} ms (target <= ${TARGET_MS}), ${failed} failed`);
    if (!pass) process.exitCode = 1;
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
