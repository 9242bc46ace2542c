import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { contentFingerprint } from '../helpers/security';
import { useTestApp } from '../helpers/test-app';

/**
 * Every route the app serves, taken from Strapi's router at run time (so a
 * route added later is swept too), called anonymously, as a signed-in reader
 * (users-permissions, Authenticated role) and, for the plugin's admin routes,
 * as an admin without the plugin's permissions. Path parameters name real
 * documents, so a call would succeed if authorization let it through.
 */

interface Route {
  method: string;
  path: string;
}
/** Who calls: a label for failure messages. */
type Identity = string;

const SWEPT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const key = (route: Route) => `${route.method} ${route.path}`;

/** Strapi's own catch-all routes, outside /api and the admin API. */
const SERVER_ROUTES: Record<string, string> = {
  '/_health': 'the load balancers’ health check: 204 to any method, no body, no effect',
  '/': 'redirects to the admin panel',
  '/((?!uploads/).+)': 'static files of PUBLIC_DIR',
  '/uploads/(.*)': 'uploaded media, public by design',
  '/graphql': 'GraphQL: each resolver checks the content-API permission of its REST twin (tests/integration/graphql-limits.test.ts)',
};

/** Admin API routes anyone may call, and why: the sign-in flow has to work before signing in. */
const PUBLIC_ADMIN_ROUTES: Record<string, string> = {
  'GET /admin/init': 'the login page asks whether a first admin exists yet',
  'GET /admin/project-type': 'the login page asks which edition runs (no data)',
  'POST /admin/login': 'signing in',
  'POST /admin/register-admin': 'creating the first admin; refused once one exists',
  'GET /admin/registration-info': 'an invited admin’s registration (needs the invitation token)',
  'POST /admin/register': 'an invited admin’s registration (needs the invitation token)',
  'POST /admin/forgot-password': 'asking for a reset e-mail',
  'POST /admin/reset-password': 'resetting a password (needs the e-mailed token)',
  'GET /content-manager/preview/script': 'the static script a preview page loads (no data)',
};

/**
 * Writes a signed-in reader may make, and why: the Authenticated role's
 * defaults, on the reader's own account only. The Public role has no auth
 * actions at all (services/public-permissions.ts), so no anonymous write is
 * allowed here: /api/auth/local and /register answer 403 to everyone.
 */
const READER_WRITES: Record<string, string> = {
  'POST /api/auth/change-password': 'the reader’s own password',
  'POST /api/auth/logout': 'the reader’s own session',
  'DELETE /api/auth/sessions/:sessionId': 'the reader’s own sessions',
};

/** Reads a signed-in reader may make beyond the public ones: their own account. */
const READER_READS: Record<string, string> = {
  'GET /api/users/me': 'the reader’s own profile',
  'GET /api/auth/sessions': 'the reader’s own sessions',
};

/** The newsroom admin route any admin may call (routes/admin.ts): the edit view's excerpt preview. */
const NEWSROOM_ANY_ADMIN: Record<string, string> = {
  'POST /newsroom/excerpt/preview': 'every editor who can open the edit view previews the excerpt; it writes nothing',
};

const isContentApi = (path: string) => path === '/api' || path.startsWith('/api/');
const isServerRoute = (path: string) => path in SERVER_ROUTES;
const isAdminApi = (path: string) => !isContentApi(path) && !isServerRoute(path);
/** What the Public role may read: the three content types and the plugin's public routes. */
/** The one newsroom read no role may call: a preview token's (tests/integration/preview.test.ts). */
const PREVIEW_CHECK = 'GET /api/newsroom/preview';

const isPublicRead = (route: Route) =>
  route.method === 'GET' && key(route) !== PREVIEW_CHECK && /^\/api\/(articles|tags|sources|newsroom)(\/|$)/.test(route.path);

const app = useTestApp();
let routes: Route[];
let reader: { id: number; jwt: string };
let superToken: string;
let outsiderToken: string;
let before: Awaited<ReturnType<typeof contentFingerprint>>;
const values: Record<string, string> = {};

beforeAll(async () => {
  superToken = await app.superAdminToken();
  // An admin whose role grants nothing of the newsroom plugin (nor anything else).
  outsiderToken = await app.editorToken('Outsider', []);
  reader = await app.readerToken();

  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Swept tag' } });
  const source = await app.documents(UIDS.source).create({ data: { name: 'Swept source' } });
  const article = await app.documents(UIDS.article).create({
    data: { title: 'Swept article', tags: [tag.documentId], sources: [source.documentId] },
    status: 'published',
  });
  await app.documents(UIDS.article).create({ data: { title: 'Swept draft', tags: [tag.documentId] } });
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  Object.assign(values, {
    article: article.documentId,
    tag: tag.documentId,
    source: source.documentId,
    slug: tag.slug,
    sourceSlug: source.slug,
    user: String(reader.id),
    role: String(role.id),
  });

  const seen = new Set<string>();
  routes = [];
  for (const layer of app.strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>) {
    // Layers without methods are the routers' prefix middlewares, not routes.
    for (const method of layer.methods.filter((m) => SWEPT_METHODS.includes(m))) {
      const route = { method, path: layer.path };
      if (!seen.has(key(route))) routes.push(route);
      seen.add(key(route));
    }
  }
  before = await contentFingerprint(app);
});

/** The route's path with each parameter replaced by a value that names something real. */
function urlOf(route: Route): string {
  const { path } = route;
  const byParam = (name: string): string => {
    switch (name) {
      case 'model':
      case 'uid':
      case 'contentType':
        return UIDS.article;
      case 'slug':
        return path.includes('/sources/') ? values.sourceSlug : values.slug;
      case 'documentId':
      case 'sourceId':
        return values.article;
      case 'targetField':
        return 'tags';
      case 'provider':
        return 'github';
      case 'role':
        return values.role;
      case 'name': // a component category
        return 'default';
      case 'sessionId':
        return 'no-such-session';
      case 'n': // a sitemap file
        return '1';
      case 'id':
        if (path.startsWith('/api/tags/')) return values.tag;
        if (path.startsWith('/api/sources/')) return values.source;
        if (path.startsWith('/api/users/')) return values.user;
        if (path.startsWith('/api/users-permissions/roles/')) return values.role;
        if (path.startsWith('/api/articles/') || path.startsWith('/content-manager/')) return values.article;
        return '1'; // admin users, roles, tokens, webhooks, files, locales: the first of each
      default:
        throw new Error(`${key(route)}: no value for the path parameter :${name}; add one to urlOf()`);
    }
  };
  return path
    .replace(/\((?:[^()]|\([^()]*\))*\)/g, 'x') // a wildcard group, e.g. /uploads/(.*)
    .replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => encodeURIComponent(byParam(name)));
}

/** A body that would create or change an article, tag or source (or run an import) if let through. */
const WRITE_BODY = {
  data: { title: 'Swept write', name: 'Swept write' },
  title: 'Swept write',
  name: 'Swept write',
  text: 'Contents tagged with Swept write\n\n  • Swept write\n\n    Written by the sweep.',
};

async function call(route: Route, token?: string): Promise<number> {
  // The route's method is one of SWEPT_METHODS.
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = app.request()[method](urlOf(route));
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (WRITE_METHODS.has(route.method)) req = req.send(WRITE_BODY);
  return (await req).status;
}

/** Calls each route as each identity; returns "METHOD path (identity): status" for those `bad` picks. */
async function sweep(
  selected: Route[],
  identities: Array<[Identity, string | undefined]>,
  bad: (route: Route, identity: Identity, status: number) => boolean,
): Promise<string[]> {
  const offenders: string[] = [];
  for (const route of selected) {
    for (const [identity, token] of identities) {
      const status = await call(route, token);
      if (status >= 500 || bad(route, identity, status)) offenders.push(`${key(route)} (${identity}): ${status}`);
    }
  }
  return offenders;
}

const both = (): Array<[Identity, string | undefined]> => [
  ['anonymous', undefined],
  ['reader', reader.jwt],
];
const ok = (status: number) => status >= 200 && status < 300;

describe('the route list', () => {
  it('comes from the router, covers every part of the app, and names every allow-listed route', () => {
    const keys = new Set(routes.map(key));
    for (const expected of ['GET /api/articles/:id', 'POST /content-manager/collection-types/:model', 'POST /newsroom/import', 'POST /upload']) {
      expect(keys).toContain(expected);
    }
    // An allow-list entry naming no route is stale: remove it rather than let it hide a new one.
    const allowed = [...Object.keys(PUBLIC_ADMIN_ROUTES), ...Object.keys(READER_WRITES), ...Object.keys(READER_READS), ...Object.keys(NEWSROOM_ANY_ADMIN)];
    expect(allowed.filter((entry) => !keys.has(entry))).toEqual([]);
    expect(Object.keys(SERVER_ROUTES).filter((path) => !routes.some((route) => route.path === path))).toEqual([]);
    // Every parameter has a value (urlOf throws otherwise).
    expect(() => routes.map(urlOf)).not.toThrow();
    expect(routes.length).toBeGreaterThan(200);
  });
});

describe('without an admin token', () => {
  it('no write succeeds, anonymously or as a signed-in reader', async () => {
    const writes = routes.filter((route) => WRITE_METHODS.has(route.method));
    const offenders = await sweep(writes, both(), (route, identity, status) => {
      if (!ok(status)) return false;
      if (route.path === '/_health') return false; // answers 204 and does nothing
      if (isAdminApi(route.path) && key(route) in PUBLIC_ADMIN_ROUTES) return false;
      return !(identity === 'reader' && key(route) in READER_WRITES);
    });
    expect(offenders).toEqual([]);
  });

  it('every admin API route answers 401 or 403, but the sign-in flow', async () => {
    const admin = routes.filter((route) => isAdminApi(route.path) && !(key(route) in PUBLIC_ADMIN_ROUTES));
    expect(admin.length).toBeGreaterThan(150);
    const offenders = await sweep(admin, both(), (_route, _identity, status) => status !== 401 && status !== 403);
    expect(offenders).toEqual([]);
  });

  it('the public sign-in routes of the admin give nothing away without credentials', async () => {
    const publicAdmin = routes.filter((route) => key(route) in PUBLIC_ADMIN_ROUTES);
    // 2xx only for the pages' own metadata; the rest need credentials or a token from an e-mail.
    const offenders = await sweep(
      publicAdmin,
      both(),
      (route, _identity, status) => ok(status) && !['GET /admin/init', 'GET /admin/project-type', 'GET /content-manager/preview/script'].includes(key(route)),
    );
    expect(offenders).toEqual([]);
  });

  it('the content API serves the public reads to readers, signed in or not, and nothing else', async () => {
    const reads = routes.filter((route) => isContentApi(route.path) && route.method === 'GET');
    const offenders = await sweep(reads, both(), (route, identity, status) => {
      // The public reads succeed: the path values name real documents.
      if (isPublicRead(route)) return status !== 200;
      if (identity === 'reader' && key(route) in READER_READS) return false;
      return status < 400;
    });
    expect(offenders).toEqual([]);
  });

  it('the server’s own routes write nothing', async () => {
    const server = routes.filter((route) => isServerRoute(route.path));
    const offenders = await sweep(server, both(), (route, _identity, status) =>
      route.path === '/_health' ? status !== 204 : WRITE_METHODS.has(route.method) && ok(status),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the newsroom plugin’s admin routes', () => {
  const newsroomRoutes = () => routes.filter((route) => route.path.startsWith('/newsroom/'));

  it('answer 403 to an admin without the plugin’s permissions', async () => {
    expect(newsroomRoutes().length).toBeGreaterThanOrEqual(7);
    const guarded = newsroomRoutes().filter((route) => !(key(route) in NEWSROOM_ANY_ADMIN));
    const offenders = await sweep(guarded, [['admin without newsroom permissions', outsiderToken]], (_route, _identity, status) => status !== 403);
    expect(offenders).toEqual([]);
  });

  it('answer a super admin (so the 403s above are the permissions’ doing)', async () => {
    const reads = newsroomRoutes().filter((route) => route.method === 'GET');
    const offenders = await sweep(reads, [['super admin', superToken]], (_route, _identity, status) => status !== 200);
    expect(offenders).toEqual([]);
    await app.request()
      .post('/newsroom/excerpt/preview')
      .set('Authorization', `Bearer ${outsiderToken}`)
      .send({ body: 'Any editor may preview.', bodyFormat: 'text' })
      .expect(200);
  });
});

describe('after the whole sweep', () => {
  it('no article, tag or source was created, changed or deleted', async () => {
    expect(await contentFingerprint(app)).toEqual(before);
  });
});
