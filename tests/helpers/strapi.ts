import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './test-database';

const appDir = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** The HTTP server, for supertest. */
  server: Core.Strapi['server']['httpServer'];
  database: TestDatabase;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Import the seed documents on first start, as `npm run develop` does (off by default). */
  seed?: boolean;
  /** Boot on this database (made by createTestDatabase, and left to its owner to drop) instead of a fresh one. */
  database?: TestDatabase;
}

/** Boots the compiled app in-process on a fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  process.env.LOG_LEVEL ??= 'warn';
  // Tests drive the server from one address, faster than any reader: no per-client
  // rate limit unless a test sets one (admission-control.test.ts does).
  process.env.NEWSROOM_STOCK_RATE ??= '0';
  process.env.NEWSROOM_SEED = String(options.seed === true);
  const database = options.database ?? (await createTestDatabase());
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  // From a steady state: the boot's background index check is done.
  await strapi.plugin('newsroom').service('index-check').settled();
  await strapi.server.mount();
  return {
    strapi,
    server: strapi.server.httpServer,
    database,
    async stop() {
      await strapi.destroy();
      if (!options.database) await database.drop();
    },
  };
}
