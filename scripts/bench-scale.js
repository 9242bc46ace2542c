#!/usr/bin/env node
'use strict';
// npm run bench:scale -- [--articles 100000,1000000] [--clients sqlite,postgres] [--samples 200] [--json]
// For each corpus size (one tag per ten articles: 100k tags at a million)
// and each database: imports the deterministic corpus into a fresh database
// (articles/s and peak RSS by the importer's own clock), boots the
// production server with the response cache off (boot time), probes the
// read paths one request at a time (scripts/lib/scale-probes.js), and prints
// one table with the ratio of the largest size to the smallest per row. The
// PostgreSQL runs use the server the environment names (DATABASE_URL or
// DATABASE_HOST ...), in throw-away databases. `--json` prints the figures
// as one JSON line too (the small CI version reads it).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { writeCorpus } = require('./corpus');
const { flag, hasFlag } = require('./lib/bench-probes');
const { root, workDir, benchDatabase, startServer, stopServer } = require('./lib/bench-server');
const { probeAll } = require('./lib/scale-probes');

const SIZES = flag('articles', '100000,1000000').split(',').map(Number);
const CLIENTS = flag('clients', 'sqlite,postgres').split(',');
const SAMPLES = Number(flag('samples', 200));
const PORT = Number(flag('port', 1397));

/** One tag per ten articles, as the issue's million articles and 100k tags. */
async function corpus(articles) {
  const file = path.join(workDir, `scale-${articles}.ndjson`);
  if (!fs.existsSync(file)) {
    console.log(`generating ${articles} articles ...`);
    await writeCorpus({ articles, out: file, seed: 1, tags: Math.max(100, Math.round(articles / 10)) });
  }
  return file;
}

/** The import in a child process (scripts/bench-import.js's): its articles, ms and peak RSS. */
function importInChild(file, env) {
  const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'bench-import.js'), '--child', file], {
    cwd: root,
    env: { ...process.env, ...env, NEWSROOM_SEED: 'false', LOG_LEVEL: 'error', NODE_ENV: 'production' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Peak resident memory of a child process, MB (Linux). */
function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function run(client, articles) {
  const file = await corpus(articles);
  const { env } = await benchDatabase(`scale_${articles}`, { on: client });
  console.log(`${client}, ${articles} articles: importing ...`);
  const imported = importInChild(file, env);
  const started = performance.now();
  const server = await startServer({ ...env, NEWSROOM_CACHE: 'false', NEWSROOM_STOCK_RATE: '0' }, { port: PORT, timeoutSeconds: 600 });
  const bootMs = performance.now() - started;
  try {
    console.log(`  imported ${imported.articles} in ${(imported.ms / 1000).toFixed(1)} s; booted in ${(bootMs / 1000).toFixed(1)} s; probing ...`);
    const probes = await probeAll(`http://127.0.0.1:${PORT}`, SAMPLES);
    return { client, articles, imported, bootMs, serverRssMb: peakRssMb(server.pid), ...probes };
  } finally {
    await stopServer(server);
  }
}

function print(results) {
  for (const client of CLIENTS) {
    const runs = SIZES.map((size) => results.find((r) => r.client === client && r.articles === size));
    const [small, big] = [runs[0], runs[runs.length - 1]];
    const head = runs.map((r) => `${r.articles}`);
    console.log(`\n${client} (tags probed at ${big.articles}: ${Object.entries(big.tags).map(([role, tag]) => `${role} ${tag}`).join(', ')})`);
    console.log(`| measure | ${head.join(' | ')} | ratio ${big.articles} / ${small.articles} |`);
    console.log(`|---|${head.map(() => '---|').join('')}---|`);
    const line = (name, values, digits = 0) =>
      console.log(`| ${name} | ${values.map((v) => v.toFixed(digits)).join(' | ')} | ${(values[values.length - 1] / values[0]).toFixed(2)} |`);
    line('import, articles/s', runs.map((r) => r.imported.articles / (r.imported.ms / 1000)));
    line('import, peak RSS (MB)', runs.map((r) => r.imported.peakRssMb));
    line('boot to first answer (s)', runs.map((r) => r.bootMs / 1000), 1);
    line('server peak RSS (MB)', runs.map((r) => r.serverRssMb));
    for (const name of Object.keys(big.rows)) {
      line(`${name}, p50 ms`, runs.map((r) => r.rows[name].p50), 1);
      line(`${name}, p99 ms`, runs.map((r) => r.rows[name].p99), 1);
    }
  }
}

async function main() {
  const results = [];
  for (const client of CLIENTS) for (const size of SIZES) results.push(await run(client, size));
  print(results);
  if (hasFlag('json')) console.log(JSON.stringify(results));
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
});
