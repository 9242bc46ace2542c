import type { AddressInfo } from 'node:net';
import type { Core, Modules } from '@strapi/strapi';
import request from 'supertest';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { getService, type Service, type ServiceName } from '../../src/plugins/newsroom/server/src/utils/get-service';
import { editorToken, superAdminToken } from './admin';
import { readerToken } from './security';
import { startTestApp, type TestApp } from './strapi';
import type { TestDatabase } from './test-database';

/** The content types the tests write: each has a slug, which the plugin makes when none is given. */
export type ContentUid = (typeof UIDS)['article' | 'tag' | 'source'];

type Params<U extends ContentUid> = Modules.Documents.ServiceParams<U>;
type Input<U extends ContentUid> = Modules.Documents.Params.Data.Input<U>;
/** Optional attributes may also be null, which the Document Service stores as none (Strapi's input type leaves null out). */
type OrNull<T> = { [K in keyof T]: undefined extends T[K] ? T[K] | null : T[K] };
/** Strapi's create params, less a required slug: the plugin's slug rule fills it in (lib/content-rules). */
type CreateParams<U extends ContentUid> = Omit<Params<U>['create'], 'data'> & { data: OrNull<Omit<Input<U>, 'slug'>> & { slug?: string } };

/** Strapi's Document Service for `U`, typed from the generated schemas (types/generated), its create not asking for a slug. */
export type Documents<U extends ContentUid> = Omit<Modules.Documents.ServiceInstance<U>, 'create'> & {
  create<const P extends CreateParams<U>>(params: P): Promise<Modules.Documents.Result<U, P & Params<U>['create']>>;
};

export interface UseTestAppOptions {
  /** Import the seed documents on first start, as `npm run develop` does (off by default). */
  seed?: boolean;
  /** Files the importer imports once booted: the content every test of the file starts from. */
  imports?: string[];
  /**
   * Boot on the database this makes (called in beforeAll) instead of a fresh one; its
   * owner drops it, in an afterAll registered after useTestApp (hooks run in order).
   */
  database?: () => TestDatabase | Promise<TestDatabase>;
  /** Env variables set before the boot (undefined: unset), for the rest of the file: the app reads them at boot. */
  env?: Record<string, string | undefined>;
  /** Listen on a free port of 127.0.0.1 (or of `host`) once booted: `url` is then its base URL. */
  listen?: boolean | { host: string };
}

export interface TestAppHandle {
  readonly strapi: Core.Strapi;
  /** The HTTP server, for supertest. */
  readonly server: TestApp['server'];
  readonly database: TestDatabase;
  /** http://127.0.0.1:<port>, once listening (the `listen` option, or listen()). */
  readonly url: string;
  documents<U extends ContentUid>(uid: U): Documents<U>;
  /** A newsroom service, typed. */
  service<K extends ServiceName>(name: K): Service<K>;
  /** The importer (the document-import service), which most files feed. */
  importer(): Service<'document-import'>;
  /** supertest on the server. */
  request(): ReturnType<typeof request>;
  get(url: string): request.Test;
  /** Listens on a free port of `host` (once); resolves to the base URL. */
  listen(host?: string): Promise<string>;
  /** Registers the first administrator (a super admin); its admin JWT. */
  superAdminToken(): Promise<string>;
  /** An admin whose only role grants exactly `actions`; its admin JWT. */
  editorToken(name: string, actions: string[]): Promise<string>;
  /** A users-permissions user of the Authenticated role, and its JWT. */
  readerToken(username?: string): Promise<{ id: number; jwt: string }>;
}

/**
 * The app for the enclosing test file (or describe block): registers the
 * beforeAll that boots it, on a fresh test database unless told, and the
 * afterAll that stops it and drops that database. Its properties are there
 * once booted: use them in hooks and tests.
 */
export function useTestApp(options: UseTestAppOptions = {}): TestAppHandle {
  let app: TestApp | undefined;
  let url: string | undefined;
  const booted = (): TestApp => {
    if (!app) throw new Error('useTestApp: the app is not booted yet (use it in hooks and tests)');
    return app;
  };

  const handle: TestAppHandle = {
    get strapi() {
      return booted().strapi;
    },
    get server() {
      return booted().server;
    },
    get database() {
      return booted().database;
    },
    get url() {
      if (!url) throw new Error('useTestApp: the app does not listen (the listen option, or listen())');
      return url;
    },
    // Strapi's own type asks for the slug on create; the plugin fills it in.
    documents: <U extends ContentUid>(uid: U) => booted().strapi.documents(uid) as unknown as Documents<U>,
    service: (name) => getService(booted().strapi, name),
    importer: () => getService(booted().strapi, 'document-import'),
    request: () => request(booted().server),
    get: (path) => request(booted().server).get(path),
    async listen(host = '127.0.0.1') {
      if (!url) {
        const { server } = booted();
        await new Promise<void>((resolve) => server.listen(0, host, resolve));
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      }
      return url;
    },
    superAdminToken: () => superAdminToken(booted()),
    editorToken: (name, actions) => editorToken(booted(), name, actions),
    readerToken: (username) => readerToken(booted(), username),
  };

  beforeAll(async () => {
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    app = await startTestApp({ seed: options.seed, database: await options.database?.() });
    for (const file of options.imports ?? []) await handle.importer().importFile(file);
    if (options.listen) await handle.listen(typeof options.listen === 'object' ? options.listen.host : undefined);
  });

  afterAll(async () => {
    await app?.stop();
  });

  return handle;
}
