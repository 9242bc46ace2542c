'use strict';
// What the HTTP benchmarks (bench:tag-pages, soak) share: the corpus, a
// database holding it (SQLite by default, PostgreSQL with
// DATABASE_CLIENT=postgres), and the production server in a child process.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { pgAdmin, pgConfig, pgEnv } = require('./postgres-admin');

const root = path.resolve(__dirname, '..', '..');
const workDir = path.join(root, '.tmp', 'bench');
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

/** Runs one of scripts/ in a child process, output to this terminal; throws if it fails. */
function runScript(script, scriptArgs, env = {}) {
  execFileSync(process.execPath, [path.join(root, 'scripts', script), ...scriptArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
}

/** The deterministic corpus of `articles` articles, written once and kept in .tmp/bench. */
function ensureCorpus(articles) {
  const corpus = path.join(workDir, `corpus-${articles}.ndjson`);
  if (!fs.existsSync(corpus)) runScript('corpus.js', ['--articles', String(articles), '--out', corpus]);
  return corpus;
}

/** Whether PostgreSQL database `name` exists and holds articles (an earlier run's import). */
async function pgHasArticles(name) {
  const admin = new Client(pgConfig('postgres'));
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) return false;
  } finally {
    await admin.end();
  }
  const db = new Client(pgConfig(name));
  await db.connect();
  try {
    const { rows } = await db.query("SELECT to_regclass('public.articles') IS NOT NULL AS ok");
    if (!rows[0].ok) return false;
    return (await db.query('SELECT 1 FROM articles LIMIT 1')).rowCount > 0;
  } finally {
    await db.end();
  }
}

/**
 * The database named `name` for this run: `.tmp/bench/<name>.db` on SQLite,
 * `newsroom_bench_<name>` on PostgreSQL. Emptied, unless `reuse` and an
 * earlier run left one (then `reused` is true and the import can be skipped).
 * `on`: the database kind, when not the environment's. Returns the env that selects it.
 */
async function benchDatabase(name, { reuse = false, on = client } = {}) {
  fs.mkdirSync(workDir, { recursive: true });
  if (on === 'sqlite') {
    const file = path.join(workDir, `${name}.db`);
    const env = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
    if (reuse && fs.existsSync(file)) return { env, reused: true };
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    return { env, reused: false };
  }
  const database = `newsroom_bench_${name.replace(/[^a-z0-9_]/gi, '_')}`;
  if (reuse && (await pgHasArticles(database))) return { env: pgEnv(database), reused: true };
  await pgAdmin(`DROP DATABASE IF EXISTS ${database}`);
  await pgAdmin(`CREATE DATABASE ${database}`);
  return { env: pgEnv(database), reused: false };
}

/** Imports the corpus with `npm run import`'s script, printing how long it took. */
function importCorpus(corpus, env, articles) {
  console.log(`importing ${articles} articles into ${client} ...`);
  const started = Date.now();
  runScript('import.js', [corpus], env);
  console.log(`imported in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * `strapi start` (the built app, production mode) in a child process on
 * 127.0.0.1:`port`, resolved once /api/newsroom/health answers.
 * `nodeArgs` go before the script (e.g. `--require` a probe); `ipc` opens a
 * message channel to the child.
 */
async function startServer(env, { port, nodeArgs = [], ipc = false, timeoutSeconds = 120 }) {
  const server = spawn(process.execPath, [...nodeArgs, path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: root,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', NEWSROOM_SEED: 'false' },
    stdio: ['ignore', 'inherit', 'inherit', ...(ipc ? ['ipc'] : [])],
  });
  let exited = null;
  server.once('exit', (code, signal) => {
    exited = signal ?? code;
  });
  for (let i = 0; i < timeoutSeconds; i += 1) {
    if (exited !== null) throw new Error(`the server exited during boot (${exited})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/newsroom/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  server.kill('SIGKILL');
  throw new Error(`the server did not start within ${timeoutSeconds} s`);
}

/** SIGTERM, then SIGKILL if the server has not exited within `graceMs`; resolves once it has. */
function stopServer(server, graceMs = 10000) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill('SIGKILL'), graceMs);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

module.exports = { root, workDir, client, runScript, ensureCorpus, benchDatabase, importCorpus, startServer, stopServer };
