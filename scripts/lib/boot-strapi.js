'use strict';
// Boots the app in this process for command-line tools: compiled like
// `strapi develop` does, on the database the environment selects, without
// listening for HTTP.
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

async function bootStrapi() {
  process.env.LOG_LEVEL ??= 'warn';
  const { distDir } = await compileStrapi({ appDir });
  return createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
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

module.exports = { bootStrapi, withStrapi };
