'use strict';
// Boots the app in this process for command-line tools: the newsroom plugin
// and the app compiled first when their sources changed (./build-if-changed),
// on the database the environment selects, without listening for HTTP.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { buildIfChanged } = require('./build-if-changed');

const appDir = path.resolve(__dirname, '..', '..');

/** `compile: false` boots what an earlier compile left in dist/ (a benchmark's child processes). */
async function bootStrapi({ compile = true } = {}) {
  process.env.LOG_LEVEL ??= 'warn';
  const distDir = compile ? (await buildIfChanged({ appDir })).distDir : path.join(appDir, 'dist');
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  // No scheduled jobs in a command-line tool: one firing while a long import
  // holds SQLite's only connection would wait for it, and fail at shutdown.
  strapi.cron.destroy();
  return strapi;
}

/** Runs `work(strapi)`, then shuts Strapi down; a thrown error exits non-zero with its message. */
async function withStrapi(work) {
  let strapi;
  try {
    strapi = await bootStrapi();
    await work(strapi);
  } catch (error) {
    process.exitCode = 1;
    console.error(`error: ${error instanceof Error ? error.message : error}`);
  } finally {
    if (strapi) await strapi.destroy();
  }
}

module.exports = { appDir, bootStrapi, withStrapi };
