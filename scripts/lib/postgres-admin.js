'use strict';
// The benchmarks' throw-away PostgreSQL databases: the connection the
// environment names (DATABASE_URL or its parts), pointed at another database.
const { Client } = require('pg');

function pgConfig(database) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database,
  };
}

/** Runs one statement (CREATE/DROP DATABASE) on the server's `postgres` database. */
async function pgAdmin(sql) {
  const admin = new Client(pgConfig('postgres'));
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The env that selects database `name` (its public schema) on the same server. */
function pgEnv(name) {
  const { connectionString, host, port } = pgConfig(name);
  const where = connectionString
    ? { DATABASE_URL: connectionString }
    : { DATABASE_URL: '', DATABASE_NAME: name, DATABASE_HOST: host, DATABASE_PORT: String(port) };
  return { DATABASE_CLIENT: 'postgres', DATABASE_SCHEMA: 'public', ...where };
}

module.exports = { pgAdmin, pgConfig, pgEnv };
