#!/usr/bin/env node
'use strict';
// npm run bench:import -- [--articles 100000]
// Imports the benchmark corpus (npm run corpus) into a fresh throw-away
// database, and half of it into another, printing articles per second and
// the peak memory of each run: the same peak for twice the articles shows
// that memory stays flat. SQLite always; PostgreSQL too when
// DATABASE_CLIENT=postgres (a database created and dropped for the run).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { compileStrapi } = require('@strapi/strapi');
const { pgAdmin, pgEnv } = require('./lib/postgres-admin');
const { writeCorpus } = require('./corpus');
const { appDir } = require('./lib/boot-strapi');

const root = path.resolve(__dirname, '..');
const workDir = path.join(root, '.tmp', 'bench');

/** Child mode: one import in this process; prints its figures as JSON. */
async function child(file) {
  const { bootStrapi } = require('./lib/boot-strapi');
  const strapi = await bootStrapi({ compile: false });
  try {
    const summary = await strapi.plugin('newsroom').service('document-import').importFile(file, { maxItems: 0 });
    const { created, updated, unchanged } = summary.articles;
    const articles = created + updated + unchanged;
    // maxRSS: the process's peak resident memory (KB), boot included.
    console.log(JSON.stringify({ articles, ms: summary.durationMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    await strapi.destroy();
  }
}

/** Runs one import in a child process on a fresh database of `client`; its figures. */
async function measure(client, file) {
  const name = `newsroom_bench_import_${process.pid}`;
  let env;
  let drop;
  if (client === 'sqlite') {
    const db = path.join(os.tmpdir(), `${name}.db`);
    drop = () => ['', '-wal', '-shm', '-journal'].forEach((suffix) => fs.rmSync(db + suffix, { force: true }));
    drop();
    env = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: db };
  } else {
    await pgAdmin(`DROP DATABASE IF EXISTS ${name}`);
    await pgAdmin(`CREATE DATABASE ${name}`);
    drop = () => pgAdmin(`DROP DATABASE IF EXISTS ${name}`);
    env = pgEnv(name);
  }
  try {
    const out = execFileSync(process.execPath, [__filename, '--child', file], {
      cwd: root,
      env: { ...process.env, ...env, NEWSROOM_SEED: 'false', LOG_LEVEL: 'error', NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop());
  } finally {
    await drop();
  }
}

async function corpus(articles) {
  const file = path.join(workDir, `corpus-${articles}.ndjson`);
  if (!fs.existsSync(file)) {
    console.log(`generating ${articles} articles ...`);
    await writeCorpus({ articles, out: file, seed: 1 });
  }
  return file;
}

async function main() {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, child: { type: 'string' } } });
  if (values.child) return child(values.child);

  // Compiled once here: the measured processes then hold no TypeScript compiler.
  await compileStrapi({ appDir });
  const full = Number(values.articles);
  const sizes = [Math.floor(full / 2), full];
  const files = [];
  for (const size of sizes) files.push(await corpus(size));
  const clients = process.env.DATABASE_CLIENT === 'postgres' ? ['sqlite', 'postgres'] : ['sqlite'];

  const rows = [];
  for (const client of clients) {
    for (const [i, file] of files.entries()) {
      const mb = fs.statSync(file).size / 1e6;
      console.log(`${client}: importing ${sizes[i]} articles (${mb.toFixed(0)} MB) ...`);
      const result = await measure(client, file);
      rows.push({ client, ...result });
      console.log(
        `  ${result.articles} articles in ${(result.ms / 1000).toFixed(1)} s = ${Math.round(result.articles / (result.ms / 1000))} articles/s, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
      );
    }
  }

  console.log('\n| database | articles | seconds | articles/s | peak RSS (MB) |\n|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.client} | ${r.articles} | ${(r.ms / 1000).toFixed(1)} | ${Math.round(r.articles / (r.ms / 1000))} | ${r.peakRssMb.toFixed(0)} |`);
  }
  for (const client of clients) {
    const [half, whole] = rows.filter((r) => r.client === client);
    console.log(
      `${client}: peak RSS ${whole.peakRssMb.toFixed(0)} MB for ${whole.articles} articles vs ${half.peakRssMb.toFixed(0)} MB for ${half.articles}: ratio ${(whole.peakRssMb / half.peakRssMb).toFixed(2)} (flat = 1.00); ${Math.round(whole.articles / (whole.ms / 1000))} articles/s (target >= 1000)`,
    );
  }
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
});
