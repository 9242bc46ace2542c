import { PAGES_CHANGED_EVENT, TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import type { PagesChangedPayload } from '../../src/plugins/newsroom/shared/contracts/webhooks';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from '../helpers/webhook-receiver';

/*
 * The `newsroom.pages.changed` webhook, end to end: a webhook created through
 * Strapi's own admin API, a real HTTP receiver on 127.0.0.1, and the writes
 * an editor makes. Each event names exactly the tags, articles, URLs, paths
 * and cache tags that changed, before and after.
 */
const API = 'https://api.newsroom.test';
const SITE = 'https://news.newsroom.test';

const app = useTestApp({
  env: {
    PUBLIC_URL: API,
    NEWSROOM_SITE_URL: SITE,
    NEWSROOM_CHANGES_COALESCE_MS: '150',
    NEWSROOM_CHANGES_POLL_MS: '50',
    NEWSROOM_WEBHOOK_FIRST_RETRY_MS: '100',
    NEWSROOM_WEBHOOK_MAX_RETRY_MS: '200',
  },
});
let receiver: WebhookReceiver;
let admin: string;
const tagIds: Record<string, string> = {};

const body = paragraphs('A body long enough to make an excerpt from. '.repeat(20));
const mark = () => receiver.received.length;
const sorted = (list: string[]) => [...list].sort();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  admin = await app.superAdminToken();
  await subscribe(await app.listen(), admin, receiver.url, { Authorization: 'Bearer frontend-secret' });
  for (const name of ['Alpha', 'Beta', 'Gamma']) tagIds[name] = (await app.documents(UIDS.tag).create({ data: { name } })).documentId;
  // The tags' creation is an event of its own: wait for it, so each test sees only its own.
  await receiver.waitFor((event) => event.tags.after.includes('gamma'));
});

afterAll(async () => {
  await receiver?.close();
});

it('is an event Strapi accepts for webhooks, and no other unknown one is', async () => {
  const refused = await app
    .request()
    .post('/admin/webhooks')
    .set('Authorization', `Bearer ${admin}`)
    .send({ name: 'Wrong', url: receiver.url, headers: {}, events: ['newsroom.unknown'] });
  expect(refused.status).toBe(400);
});

describe('an article through its life', () => {
  let documentId: string;

  it('publish: its tags, its pages, its paths, with the webhook headers', async () => {
    const since = mark();
    const article = await app.documents(UIDS.article).create({
      data: { title: 'Ceasefire talks resume', body, tags: [tagIds.Alpha, tagIds.Beta] },
      status: 'published',
    });
    documentId = article.documentId;
    const { body: event, headers } = await receiver.waitFor((e) => e.articles.includes(documentId), { since });
    expect(headers.authorization).toBe('Bearer frontend-secret');
    expect(headers['x-strapi-event']).toBe(PAGES_CHANGED_EVENT);
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(event).toMatchObject({ version: 1, event: PAGES_CHANGED_EVENT, part: 1, parts: 1 });
    expect(Date.parse(event.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(event.tags).toEqual({ before: [], after: ['alpha', 'beta'] });
    expect(event.urls).toEqual(
      expect.arrayContaining([
        `${API}/api/newsroom/tags/alpha`,
        `${API}/api/newsroom/tags/alpha.txt`,
        `${API}/api/newsroom/tags/alpha/feed.xml`,
        `${API}/api/newsroom/tags/alpha/feed.atom`,
        `${API}/api/newsroom/tags/alpha/related`,
        `${API}/api/newsroom/tags/beta`,
        `${API}/api/newsroom/tags`,
      ]),
    );
    expect(event.urls.some((url) => url.includes('/gamma'))).toBe(false);
    expect(sorted(event.paths)).toEqual(['/articles/ceasefire-talks-resume', '/tags/alpha', '/tags/beta']);
    expect(event.cacheTags).toEqual(expect.arrayContaining(['tag:alpha', 'tag:beta', `article:${documentId}`, 'list:tags']));
  });

  it('a draft edit changes no public page: no event', async () => {
    const since = mark();
    await app.documents(UIDS.article).update({ documentId, data: { title: 'Ceasefire talks resume (draft)' } });
    // A later change shows the dispatcher has run past the draft edit.
    await app.documents(UIDS.tag).update({ documentId: tagIds.Gamma, data: { description: 'Marker' } });
    const marker = await receiver.waitFor((e) => e.tags.after.includes('gamma'), { since });
    expect(receiver.received.slice(since).map((r) => r.body.articles)).toEqual([[]]);
    // A description shows on the tag's pages and in the tag list.
    expect(marker.body.cacheTags).toEqual(['tag:gamma', 'list:tags']);
  });

  it('a move from one tag to another: both, before and after', async () => {
    const since = mark();
    await app.documents(UIDS.article).update({ documentId, data: { tags: [tagIds.Beta, tagIds.Gamma] }, status: 'published' });
    const { body: event } = await receiver.waitFor((e) => e.articles.includes(documentId), { since });
    expect(event.tags).toEqual({ before: ['alpha', 'beta'], after: ['beta', 'gamma'] });
    expect(event.urls).toEqual(expect.arrayContaining([`${API}/api/newsroom/tags/alpha`, `${API}/api/newsroom/tags/gamma`]));
    // A retitled article keeps its slug, so its page's path.
    expect(sorted(event.paths)).toEqual(['/articles/ceasefire-talks-resume', '/tags/alpha', '/tags/beta', '/tags/gamma']);
  });

  it('unpublish: every tag it was on', async () => {
    const since = mark();
    await app.documents(UIDS.article).unpublish({ documentId });
    const { body: event } = await receiver.waitFor((e) => e.articles.includes(documentId), { since });
    expect(event.tags).toEqual({ before: ['beta', 'gamma'], after: [] });
  });

  it('delete of a published article', async () => {
    await app.documents(UIDS.article).publish({ documentId });
    await receiver.waitFor((e) => e.articles.includes(documentId) && e.tags.after.length > 0, { since: mark() - 1 });
    const since = mark();
    await app.documents(UIDS.article).delete({ documentId });
    const { body: event } = await receiver.waitFor((e) => e.articles.includes(documentId), { since });
    expect(event.tags).toEqual({ before: ['beta', 'gamma'], after: [] });
    expect(event.cacheTags).toEqual(expect.arrayContaining([`article:${documentId}`, 'list:tags']));
  });
});

it('a renamed tag: its old and new pages, and every page that names it', async () => {
  const since = mark();
  await app.documents(UIDS.tag).update({ documentId: tagIds.Alpha, data: { name: 'Alpha Centauri', slug: 'alpha-centauri' } });
  const { body: event } = await receiver.waitFor((e) => e.tags.after.includes('alpha-centauri'), { since });
  expect(event.tags).toEqual({ before: ['alpha'], after: ['alpha-centauri'] });
  expect(event.cacheTags).toEqual(expect.arrayContaining(['tag-label:alpha', 'tag-label:alpha-centauri', 'list:tags']));
});

it('an import of many articles is one event', async () => {
  const since = mark();
  const items = Array.from({ length: 60 }, (_, i) => `  • Imported story ${i}\n\n    Its excerpt ${i}.\n`).join('\n');
  await app.importer().importDocument(`Contents tagged with Imported\n\n${items}`);
  const { body: event } = await receiver.waitFor((e) => e.tags.after.includes('imported'), { since });
  expect(event.articles).toHaveLength(60);
  // Nothing else arrives for it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(receiver.received.slice(since)).toHaveLength(1);
});

it('is retried while the receiver fails, until it gets it', async () => {
  receiver.failNext(503, 503, 503);
  const since = mark();
  await app.documents(UIDS.tag).update({ documentId: tagIds.Beta, data: { description: 'Retried' } });
  const delivered = await receiver.waitFor((e) => e.tags.after.includes('beta'), { since });
  const attempts = receiver.received.slice(since).filter((r) => r.body.id === delivered.body.id);
  expect(attempts.map((r) => r.status)).toEqual([503, 503, 503, 200]);
  // Recorded once the receiver's answer is in.
  const row = async () => app.strapi.db.connection(TABLES.webhookDeliveries).where({ event_id: delivered.body.id }).first();
  for (let i = 0; i < 100 && (await row()).status !== 'delivered'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await row()).toMatchObject({ status: 'delivered', attempts: 4, last_status: 200, last_error: null });
});

it('splits a change too large for one body into complete parts', async () => {
  const { buildPayloads, emptyChangeSet } = await import('../../src/plugins/newsroom/server/src/lib/changes');
  const change = { ...emptyChangeSet(), tags: { before: [], after: Array.from({ length: 300 }, (_, i) => `t${i}`) }, lists: ['tags' as const] };
  const parts: PagesChangedPayload[] = buildPayloads(change, { id: 'e', createdAt: new Date() }, { apiUrl: API, articleUrl: `${SITE}/a/{slug}`, tagUrl: `${SITE}/t/{slug}`, sourceUrl: `${SITE}/s/{slug}` }, 1000);
  expect(parts.length).toBeGreaterThan(1);
  expect(parts.flatMap((p) => p.tags.after)).toHaveLength(300);
  for (const part of parts) expect(part.urls.length + part.paths.length + part.cacheTags.length).toBeLessThanOrEqual(1000);
});
