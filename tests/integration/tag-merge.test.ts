import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { articleJoinTable } from '../../src/plugins/newsroom/server/src/utils/metadata';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from '../helpers/webhook-receiver';

// POST /newsroom/tags/merge: every article of the merged tags (draft and
// published rows) linked to the target once, exact counts, the merged tags
// gone with their slugs redirecting and their names kept as aliases; a dry
// run writes nothing; bad input is a 400 naming the problem; two merges of the
// same tags at once: one wins, the other is told, no link lost or doubled.

const app = useTestApp({ listen: true, env: { NEWSROOM_CHANGES_COALESCE_MS: '150', NEWSROOM_CHANGES_POLL_MS: '50' } });
const tags = () => app.documents(UIDS.tag);
const articles = () => app.documents(UIDS.article);
let token: string;
let receiver: WebhookReceiver;

const merge = (body: object) => app.request().post('/newsroom/tags/merge').set('Authorization', `Bearer ${token}`).send(body);

async function linkRows(): Promise<Array<{ article: number; tag: number }>> {
  const link = articleJoinTable(app.strapi, 'tags');
  return app.strapi.db.connection(link.name).select({ article: link.joinColumn.name, tag: link.inverseJoinColumn.name }).orderBy([link.joinColumn.name, link.inverseJoinColumn.name]);
}

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [TABLES.redirects, TABLES.tagArticles, TABLES.termNames, 'tags']) {
    counts[table] = Number((await app.strapi.db.connection(table).count({ n: '*' }))[0].n);
  }
  // Any recorded change moves the sequence on (the outbox itself is drained as events go out).
  counts.changes = Number((await app.strapi.db.connection(TABLES.contentVersion).first('version')).version);
  return counts;
}

const article = (title: string, tagIds: string[], status?: 'published') =>
  articles().create({ data: { title, body: paragraphs(`${title}. `.repeat(20)), tags: tagIds }, ...(status ? { status } : {}) });

async function tagSlugs(documentId: string, status: 'draft' | 'published'): Promise<string[]> {
  const found = await articles().findOne({ documentId, status, populate: ['tags'] });
  return (found!.tags ?? []).map((tag) => tag.slug!).sort();
}

beforeAll(async () => {
  token = await app.superAdminToken();
  receiver = await startWebhookReceiver();
  await subscribe(app.url, token, receiver.url);
});

afterAll(async () => {
  await receiver?.close();
});

describe('a merge', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['Alpha', 'Beta', 'Gamma']) ids[name] = (await tags().create({ data: { name, aliases: name === 'Gamma' ? ['Third letter'] : [] } })).documentId;
    ids.both = (await article('In alpha and beta', [ids.Alpha, ids.Beta], 'published')).documentId;
    ids.beta = (await article('Only beta', [ids.Beta], 'published')).documentId;
    ids.draft = (await article('Beta draft', [ids.Beta])).documentId;
    ids.twice = (await article('Beta and gamma', [ids.Beta, ids.Gamma], 'published')).documentId;
    // A published article whose draft no longer has beta: both rows keep their own links.
    ids.edited = (await article('Gamma edited', [ids.Gamma, ids.Beta], 'published')).documentId;
    await articles().update({ documentId: ids.edited, data: { tags: [ids.Gamma] } });
  });

  it('reports in a dry run what it will do, and writes nothing', async () => {
    const before = { links: await linkRows(), counts: await tableCounts() };
    const res = await merge({ from: ['beta', 'gamma'], into: 'alpha', dryRun: true }).expect(200);
    expect(res.body.data).toMatchObject({
      articlesMoved: 4,
      articlesAlreadyTagged: 1,
      tagsRemoved: 2,
      redirects: [
        { from: 'beta', to: 'alpha' },
        { from: 'gamma', to: 'alpha' },
      ],
      dryRun: true,
      tag: { slug: 'alpha', articleCount: 1 },
    });
    expect({ links: await linkRows(), counts: await tableCounts() }).toEqual(before);
    await app.get('/api/newsroom/tags/beta').expect(200);
  });

  it('moves every article once, with exact counts, redirects on every route and the names kept as aliases', async () => {
    const res = await merge({ from: ['beta', 'gamma'], into: 'alpha' }).expect(200);
    expect(res.body.data).toMatchObject({ articlesMoved: 4, articlesAlreadyTagged: 1, tagsRemoved: 2, dryRun: false });
    expect(res.body.data.tag.aliases).toEqual(['Beta', 'Gamma', 'Third letter']);

    const links = await linkRows();
    expect(new Set(links.map((l) => `${l.article}/${l.tag}`)).size).toBe(links.length);
    for (const id of [ids.both, ids.beta, ids.twice, ids.edited]) expect(await tagSlugs(id, 'published')).toEqual(['alpha']);
    for (const id of [ids.both, ids.beta, ids.draft, ids.twice, ids.edited]) expect(await tagSlugs(id, 'draft')).toEqual(['alpha']);

    const page = await app.get('/api/newsroom/tags/alpha?pageSize=100').expect(200);
    expect(page.body.meta.pagination.total).toBe(4);
    expect(page.body.data.tag.articleCount).toBe(4);
    expect(page.body.data.articles.map((a: { documentId: string }) => a.documentId).sort()).toEqual([ids.both, ids.beta, ids.twice, ids.edited].sort());
    for (const suffix of ['', '.txt', '/feed.xml', '/feed.atom', '/related']) {
      expect((await app.get(`/api/newsroom/tags/gamma${suffix}?page=1`).expect(301)).headers.location).toMatch(new RegExp(`/tags/alpha${suffix.replace('.', '\\.')}\\?page=1$`));
    }
    const list = (await app.get('/api/newsroom/tags?all=true').expect(200)).body.data.map((t: { slug: string }) => t.slug);
    expect(list).toContain('alpha');
    expect(list).not.toContain('beta');
  });

  it("lists the merged tag on the Tags page by its new aliases, with its published and never-published counts", async () => {
    const list = (query: string) => app.request().get(`/newsroom/tags?${query}`).set('Authorization', `Bearer ${token}`).expect(200);
    const found = (await list('q=third')).body;
    expect(found.data).toEqual([
      { documentId: ids.Alpha, name: 'Alpha', slug: 'alpha', aliases: ['Beta', 'Gamma', 'Third letter'], articleCount: 4, unpublishedCount: 1 },
    ]);
    expect(found.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 1 });
    expect((await list('q=gam')).body.data.map((t: { slug: string }) => t.slug)).toEqual(['alpha']);
    expect((await list('sort=unpublished&pageSize=1')).body.data[0].slug).toBe('alpha');
    await app.request().get('/newsroom/tags?q=---').set('Authorization', `Bearer ${token}`).expect(400);
  });

  it('leaves the tag-page index exactly as a rebuild from the links makes it', async () => {
    const indexRows = async () =>
      (await app.strapi.db.connection(TABLES.tagArticles).select('term_id', 'article_id', 'document_id', 'published_at')).map((row) => ({ ...row, published_at: Number(row.published_at) })).sort((a, b) => a.term_id - b.term_id || a.article_id - b.article_id);
    const counts = () => app.strapi.db.connection(TABLES.tagCounts).select('term_id', 'article_count').orderBy('term_id');
    const merged = { rows: await indexRows(), counts: (await counts()).map((row) => ({ ...row, article_count: Number(row.article_count) })) };
    await app.service('term-page-index').rebuild();
    expect({ rows: await indexRows(), counts: (await counts()).map((row) => ({ ...row, article_count: Number(row.article_count) })) }).toEqual(merged);
  });

  it("announces both tags' pages and the redirect list to webhooks", async () => {
    const event = await receiver.waitFor((body) => body.tags.before.includes('gamma'));
    expect(event.body.tags.before).toEqual(expect.arrayContaining(['alpha', 'beta', 'gamma']));
    expect(event.body.tags.after).toContain('alpha');
    for (const slug of ['alpha', 'beta', 'gamma']) expect(event.body.urls).toContain(`${app.strapi.config.get('server.absoluteUrl')}/api/newsroom/tags/${slug}`);
    expect(event.body.urls).toContain(`${app.strapi.config.get('server.absoluteUrl')}/api/newsroom/redirects`);
  });
});

describe('bad input', () => {
  beforeAll(async () => {
    for (const name of ['Delta', 'Epsilon']) await tags().create({ data: { name } });
  });

  it.each([
    [{ from: ['delta'], into: 'delta' }, 'into itself'],
    [{ from: ['delta', 'nowhere'], into: 'epsilon' }, '"nowhere"'],
    [{ from: [], into: 'epsilon' }, 'at least one tag'],
    [{ from: ['delta', 'delta'], into: 'epsilon' }, 'named twice'],
    [{ from: ['delta'], into: 'epsilon', extra: 1 }, 'extra'],
  ])('refuses %j with a 400 naming the problem, writing nothing', async (body, problem) => {
    const before = await tableCounts();
    const res = await merge(body).expect(400);
    expect(res.body.error.message).toContain(problem);
    expect(await tableCounts()).toEqual(before);
  });

  it('needs the Manage tags permission', async () => {
    const editor = await app.editorToken('tag-reader', ['plugin::newsroom.read']);
    await app.request().post('/newsroom/tags/merge').set('Authorization', `Bearer ${editor}`).send({ from: ['delta'], into: 'epsilon' }).expect(403);
  });
});

describe('two merges of the same tags at once', () => {
  it('let one win and tell the other, losing and doubling no link', async () => {
    const t: Record<string, string> = {};
    for (const name of ['North', 'South', 'East']) t[name] = (await tags().create({ data: { name } })).documentId;
    const docs: string[] = [];
    for (let i = 0; i < 30; i++) docs.push((await article(`Front ${i}`, i % 2 ? [t.North, t.South] : [t.South, t.East], 'published')).documentId);

    // Real concurrent HTTP requests: on PostgreSQL both transactions run, the second waits on the first's row locks.
    const call = (body: unknown) =>
      fetch(`${app.url}/newsroom/tags/merge`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answers = await Promise.all([call({ from: ['south', 'east'], into: 'north' }), call({ from: ['north', 'south'], into: 'east' })]);
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses[0]).toBe(200);
    expect([400, 409]).toContain(statuses[1]);
    const loser = (await answers.find((res) => res.status !== 200)!.json()) as { error: { message: string } };
    expect(loser.error.message).toMatch(/north|south|east/);

    const winner = (await tags().findMany({ filters: { slug: { $in: ['north', 'east'] } } })).map((tag) => tag.slug);
    expect(winner).toHaveLength(1);
    for (const id of docs) expect(await tagSlugs(id, 'published')).toEqual(winner);
    const links = await linkRows();
    expect(new Set(links.map((l) => `${l.article}/${l.tag}`)).size).toBe(links.length);
    expect((await app.get(`/api/newsroom/tags/${winner[0]}`).expect(200)).body.data.tag.articleCount).toBe(30);
  });
});
