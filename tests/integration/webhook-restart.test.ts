import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { startChildApp, type ChildApp } from '../helpers/child-app';
import { useTestApp } from '../helpers/test-app';
import { FAST_CHANGES } from '../helpers/two-instances';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from '../helpers/webhook-receiver';

/*
 * A delivery outlives the server that owes it: the only server that sends
 * webhooks (a process of its own; this one writes and sends none) meets a
 * failing receiver, stops, and once started again goes on retrying the same
 * event until it is received. On the pass's database, SQLite or PostgreSQL.
 */
const app = useTestApp({ env: FAST_CHANGES });
let receiver: WebhookReceiver;
let sender: ChildApp | undefined;

// Retries 3 s apart: time enough to stop the sender between two attempts.
const startSender = () => startChildApp({ ...FAST_CHANGES, NEWSROOM_WEBHOOK_FIRST_RETRY_MS: '3000', NEWSROOM_WEBHOOK_MAX_RETRY_MS: '3000' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await app.service('webhook-dispatcher').stop();
  receiver = await startWebhookReceiver();
  await subscribe(await app.listen(), await app.superAdminToken(), receiver.url);
}, 60_000);

afterAll(async () => {
  await sender?.stop();
  await receiver?.close();
});

it('the server restarts between two failed attempts, and the receiver still gets the event', async () => {
  const tag = await app.documents(UIDS.tag).create({ data: { name: 'Restarts' } });
  receiver.failNext(503, 503);
  const article = await app.documents(UIDS.article).create({
    data: { title: 'Survives a restart', body: paragraphs('A story that must reach the frontend. '.repeat(10)), tags: [tag.documentId] },
    status: 'published',
  });
  const ours = (event: { articles: string[] }) => event.articles.includes(article.documentId);

  sender = await startSender();
  const attempts = () => receiver.received.filter((received) => ours(received.body));
  for (const end = Date.now() + 10_000; attempts().length === 0 && Date.now() < end; ) await sleep(20);
  expect(attempts().map((received) => received.status)).toEqual([503]);
  await sender.stop();
  sender = undefined;

  // Nobody sends while it is down, though the retry was due long ago.
  const down = receiver.received.length;
  await sleep(1000);
  expect(receiver.received.length).toBe(down);

  sender = await startSender();
  // Generous: an attempt the stopped sender held is left to others only once its claim lapses
  // (timeout + 5 s), and a loaded CI machine boots the sender slowly.
  const delivered = await receiver.waitFor(ours, { timeoutMs: 45_000 });
  expect(attempts().map((received) => received.status)).toEqual([503, 503, 200]);
  // One event, retried: the same id and body each time.
  expect(new Set(attempts().map((received) => received.body.id)).size).toBe(1);
  expect(delivered.body.tags.after).toContain('restarts');
}, 90_000);
