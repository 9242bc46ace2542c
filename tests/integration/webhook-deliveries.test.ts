import { PAGES_CHANGED_EVENT, UIDS } from '../../src/plugins/newsroom/shared/constants';
import type { Delivery, ListDeliveries } from '../../src/plugins/newsroom/shared/contracts/webhooks';
import { useTestApp } from '../helpers/test-app';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from '../helpers/webhook-receiver';

/*
 * GET /newsroom/webhooks/deliveries: what the admin's Webhooks page lists,
 * from real deliveries to a real receiver. Retries are a minute apart here,
 * so a failed attempt stays pending while the test looks at it.
 */
const app = useTestApp({
  env: {
    NEWSROOM_CHANGES_COALESCE_MS: '50',
    NEWSROOM_CHANGES_POLL_MS: '50',
    NEWSROOM_WEBHOOK_FIRST_RETRY_MS: '60000',
    NEWSROOM_WEBHOOK_MAX_RETRY_MS: '60000',
  },
});
let receiver: WebhookReceiver;
let admin: string;
let webhookId: string;

const ROUTE = '/newsroom/webhooks/deliveries';
const list = async (query = '', token = admin) => app.request().get(`${ROUTE}${query}`).set('Authorization', `Bearer ${token}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The listing once `ready` holds of it (deliveries are written by the dispatcher's loop). */
async function listingWhen(ready: (body: ListDeliveries.Response) => boolean): Promise<ListDeliveries.Response> {
  for (let i = 0; ; i++) {
    const res = await list();
    expect(res.status).toBe(200);
    if (ready(res.body)) return res.body;
    if (i > 200) throw new Error(`deliveries never matched: ${JSON.stringify(res.body)}`);
    await sleep(25);
  }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  admin = await app.superAdminToken();
  webhookId = await subscribe(await app.listen(), admin, receiver.url, { Authorization: 'Bearer x' });
});

afterAll(async () => {
  await receiver?.close();
});

it('is empty before any change, and names the event to subscribe to', async () => {
  const res = await list();
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ data: [], meta: { counts: { pending: 0, delivered: 0, failed: 0 }, event: PAGES_CHANGED_EVENT } });
});

it('lists a delivered event with its webhook, its summary and ISO times', async () => {
  await app.documents(UIDS.tag).create({ data: { name: 'Alpha' } });
  const event = await receiver.waitFor((e) => e.tags.after.includes('alpha'));
  const body = await listingWhen((b) => b.data[0]?.status === 'delivered');
  expect(body.data).toHaveLength(1);
  const delivery: Delivery = body.data[0];
  expect(delivery).toEqual({
    id: expect.any(Number),
    webhookId,
    webhookName: 'Frontend',
    eventId: event.body.id,
    part: 1,
    parts: 1,
    status: 'delivered',
    attempts: 1,
    lastStatus: 200,
    lastError: null,
    createdAt: event.body.createdAt,
    nextAttemptAt: null,
    deliveredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    summary: { tags: 1, sources: 0, articles: 0, urls: event.body.urls.length },
  });
  expect(body.meta.counts).toEqual({ pending: 0, delivered: 1, failed: 0 });
});

it('lists a failed attempt as pending, with the HTTP status and the next attempt, newest first', async () => {
  receiver.failNext(503);
  await app.documents(UIDS.tag).create({ data: { name: 'Beta' } });
  const body = await listingWhen((b) => b.data.length === 2 && b.data[0].attempts === 1 && b.data[0].status === 'pending');
  const [failed, delivered] = body.data;
  expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503', deliveredAt: null });
  expect(Date.parse(failed.nextAttemptAt!)).toBeGreaterThan(Date.now() + 20_000);
  expect(delivered.status).toBe('delivered');
  expect(body.meta.counts).toEqual({ pending: 1, delivered: 1, failed: 0 });
});

it('filters by status and limits, counting every row', async () => {
  const pending = await list('?status=pending');
  expect(pending.body.data.map((d: Delivery) => d.status)).toEqual(['pending']);
  expect(pending.body.meta.counts).toEqual({ pending: 1, delivered: 1, failed: 0 });
  const one = await list('?limit=1');
  expect(one.body.data).toHaveLength(1);
  expect(one.body.data[0].status).toBe('pending');
});

it('refuses bad input with a 400 that says why', async () => {
  for (const [query, message] of [
    ['?status=lost', 'Invalid deliveries query at "status": status must be one of pending, delivered, failed'],
    ['?limit=500', 'Invalid deliveries query at "limit": limit must be between 1 and 200'],
    ['?limit=abc', 'Invalid deliveries query at "limit": limit must be a positive integer'],
  ]) {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
  }
});

it('names no webhook once it is deleted', async () => {
  const deleted = await app.request().delete(`/admin/webhooks/${webhookId}`).set('Authorization', `Bearer ${admin}`);
  expect(deleted.status).toBe(200);
  const body = (await list()).body as ListDeliveries.Response;
  expect(body.data.map((d) => d.webhookName)).toEqual([null, null]);
});

it("is the plugin's read permission's, and admins' only", async () => {
  const reader = await app.editorToken('reader', ['plugin::newsroom.read']);
  expect((await list('', reader)).status).toBe(200);
  const importer = await app.editorToken('importer', ['plugin::newsroom.import']);
  expect((await list('', importer)).status).toBe(403);
  expect((await app.request().get(ROUTE)).status).toBe(401);
});
