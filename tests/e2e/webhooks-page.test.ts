import type { Browser, Page } from 'playwright-core';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { createEditor, PASSWORD } from './helpers/admin-api';
import { logIn, screenshot, serverOnlyContext } from './helpers/browser';
import type { E2EServer } from './helpers/server';
import { startSession, type E2ESession } from './helpers/session';

// The Webhooks page (issue 14) in a real browser: a webhook created in the
// form, a real receiver on 127.0.0.1 getting the events of articles
// published through the Content Manager's API, and what the page shows of
// each delivery. Each step continues from the state the previous left.

const CHIEF = 'chief@newsroom.test';
const EVENT = 'newsroom.pages.changed';

let server: E2EServer;
let browser: Browser;
let page: Page;
let receiver: WebhookReceiver;
let adminToken: string;
let pageErrors: string[] = [];
// Whichever of the two started, for afterAll to stop.
const keep = (started: Partial<E2ESession>) => {
  if (started.server) server = started.server;
  if (started.browser) browser = started.browser;
};

async function adminApi<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** Creates and publishes an article as an editor would in the Content Manager; its documentId. */
async function publishArticle(title: string): Promise<string> {
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  const paragraph = { type: 'paragraph', children: [{ type: 'text', text: `${title}. A body long enough to make an excerpt from.` }] };
  const { data } = await adminApi<{ data: { documentId: string } }>('POST', '/content-manager/collection-types/api::article.article/actions/publish', {
    title,
    slug,
    body: [paragraph],
  });
  return data.documentId;
}

const webhooks = async () => (await adminApi<{ data: Array<{ name: string; isEnabled: boolean; events: string[] }> }>('GET', '/admin/webhooks')).data;
const deliveryRows = () => page.getByTestId('delivery-row');
const refresh = () => page.getByRole('button', { name: 'Refresh' }).click();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ server, browser, page, adminToken, pageErrors } = await startSession(CHIEF, keep, {
    env: {
      // Strapi refuses webhook URLs on private or loopback addresses in production
      // (POST /admin/webhooks): the receiver here is on 127.0.0.1.
      NODE_ENV: 'development',
      NEWSROOM_CHANGES_COALESCE_MS: '200',
      NEWSROOM_CHANGES_POLL_MS: '100',
      // A failed attempt is retried 4 to 8 s later: long enough to see it pending, short enough to wait for.
      NEWSROOM_WEBHOOK_FIRST_RETRY_MS: '8000',
    },
  }));
}, 90000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

/** A test step that leaves a picture of what the browser showed when it fails. */
function step(name: string, run: () => Promise<void>, timeout?: number) {
  it(
    name,
    async () => {
      try {
        await run();
      } catch (error) {
        await screenshot(page, `failed-webhooks-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
        throw error;
      }
    },
    timeout,
  );
}

step('opens the Webhooks page from the Newsroom menu: no webhook, no delivery, what the event carries', async () => {
  await logIn(page, server.url, CHIEF, PASSWORD);
  await page.getByRole('link', { name: 'Newsroom' }).click();
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Webhooks' }).click();
  await page.waitForURL('**/admin/plugins/newsroom/webhooks');
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  expect(await page.getByTestId('webhooks-explanation').textContent()).toContain(`receives ${EVENT}`);
  await page.getByTestId('webhooks-none').waitFor();
  await page.getByTestId('deliveries-none').waitFor();
  await screenshot(page, '20-webhooks-empty');
});

step("shows Strapi's own words when it refuses a webhook", async () => {
  const form = page.getByTestId('webhook-form');
  await form.locator('input[name="name"]').fill('Broken');
  await form.locator('input[name="url"]').fill('not a url');
  await form.getByRole('button', { name: 'Create webhook' }).click();
  const error = page.getByTestId('webhooks-error');
  await error.filter({ hasText: 'url must be a valid URL' }).waitFor();
  expect(await error.textContent()).toContain('The webhook was not created');
  await screenshot(page, '21-webhooks-refused');
  expect(await webhooks()).toEqual([]);
});

step('creates a webhook with an Authorization header; it is listed', async () => {
  const form = page.getByTestId('webhook-form');
  await form.locator('input[name="name"]').fill('Frontend');
  await form.locator('input[name="url"]').fill(receiver.url);
  await form.locator('input[name="headers.0.name"]').fill('Authorization');
  await form.locator('input[name="headers.0.value"]').fill('Bearer x');
  await form.getByRole('button', { name: 'Create webhook' }).click();
  const row = page.getByTestId('webhook-row').filter({ hasText: 'Frontend' });
  await row.waitFor();
  expect(await row.textContent()).toContain(receiver.url);
  expect(await row.textContent()).toContain('Authorization');
  expect(await page.getByTestId('webhooks-error').count()).toBe(0);
  // The form is cleared for the next one.
  expect(await form.locator('input[name="name"]').inputValue()).toBe('');
  expect(await page.getByRole('switch', { name: 'Enable Frontend' }).getAttribute('aria-checked')).toBe('true');
  await screenshot(page, '22-webhooks-created');
  expect(await webhooks()).toEqual([expect.objectContaining({ name: 'Frontend', isEnabled: true, events: [EVENT] })]);
});

step('a published article reaches the receiver with the header, and is listed as delivered', async () => {
  const documentId = await publishArticle('Ceasefire talks resume');
  const received = await receiver.waitFor((event) => event.articles.includes(documentId), { timeoutMs: 15000 });
  expect(received.headers.authorization).toBe('Bearer x');
  expect(received.headers['x-strapi-event']).toBe(EVENT);

  const row = deliveryRows().filter({ hasText: 'Delivered' });
  // Recorded once the receiver's answer is in: Refresh until then.
  for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
    await refresh();
    await page.waitForTimeout(250);
  }
  await row.first().waitFor();
  expect(await deliveryRows().count()).toBe(1);
  expect(await row.getByTestId('delivery-attempts').textContent()).toBe('1');
  expect(await row.getByTestId('delivery-last').textContent()).toBe('HTTP 200');
  expect(await row.getByTestId('delivery-next').textContent()).toBe('—');
  expect(await row.textContent()).toContain('Frontend');
  expect(await page.getByTestId('delivery-count-delivered').textContent()).toBe('Delivered: 1');
  await screenshot(page, '23-webhooks-delivered');
});

step('a receiver answering 503 shows the failure and a pending retry, then the retry delivered', async () => {
  receiver.failNext(503);
  const since = receiver.received.length;
  const documentId = await publishArticle('Aid convoy reaches the city');
  for (let i = 0; i < 150 && !receiver.received.slice(since).some((r) => r.status === 503); i++) await page.waitForTimeout(100);
  expect(receiver.received.slice(since).map((r) => r.status)).toEqual([503]);

  const failing = deliveryRows().filter({ hasText: 'HTTP 503' });
  for (let i = 0; i < 20 && (await failing.count()) === 0; i++) {
    await refresh();
    await page.waitForTimeout(250);
  }
  await failing.waitFor();
  expect(await failing.getByTestId('delivery-status').textContent()).toBe('Pending');
  expect(await failing.getByTestId('delivery-attempts').textContent()).toBe('1');
  expect(await failing.getByTestId('delivery-next').textContent()).not.toBe('—');
  expect(await page.getByTestId('delivery-count-pending').textContent()).toBe('Pending: 1');
  await screenshot(page, '24-webhooks-retry-pending');

  // The page reads the deliveries again by itself while one is pending: no click.
  await receiver.waitFor((event) => event.articles.includes(documentId), { since, timeoutMs: 15000 });
  await page.getByTestId('delivery-count-pending').filter({ hasText: 'Pending: 0' }).waitFor({ timeout: 15000 });
  const newest = deliveryRows().first();
  expect(await newest.getByTestId('delivery-status').textContent()).toBe('Delivered');
  expect(await newest.getByTestId('delivery-attempts').textContent()).toBe('2');
  expect(await page.getByTestId('delivery-count-delivered').textContent()).toBe('Delivered: 2');
  await screenshot(page, '25-webhooks-retried');
}, 45000);

step('the switch disables the webhook: the next change is not sent to it', async () => {
  const toggle = page.getByRole('switch', { name: 'Enable Frontend' });
  await toggle.click();
  await page.getByRole('switch', { name: 'Enable Frontend', checked: false }).waitFor();
  expect((await webhooks())[0]).toMatchObject({ name: 'Frontend', isEnabled: false, events: [EVENT] });
  await screenshot(page, '26-webhooks-disabled');

  const since = receiver.received.length;
  await publishArticle('Nothing sent for this one');
  await page.waitForTimeout(1500);
  expect(receiver.received.slice(since)).toEqual([]);
  await refresh();
  expect(await page.getByTestId('delivery-count-delivered').textContent()).toBe('Delivered: 2');
  expect(await deliveryRows().count()).toBe(2);
});

step('delete asks first, then removes it; its deliveries stay, under a deleted webhook', async () => {
  await page.getByRole('button', { name: 'Delete Frontend' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Frontend will no longer be told which pages changed').waitFor();
  await screenshot(page, '27-webhooks-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByTestId('webhooks-none').waitFor();
  expect(await page.getByTestId('webhook-row').count()).toBe(0);
  await deliveryRows().first().filter({ hasText: 'Deleted webhook' }).waitFor();
  await screenshot(page, '28-webhooks-deleted');
  expect(await webhooks()).toEqual([]);
});

step("tells an editor without Strapi's webhook permissions why the list is missing", async () => {
  const email = 'junior@newsroom.test';
  await createEditor(server.url, adminToken, email, ['plugin::newsroom.read']);
  const context = await serverOnlyContext(browser, server.url);
  const editorPage = await context.newPage();
  await logIn(editorPage, server.url, email, PASSWORD);
  await editorPage.goto(`${server.url}/admin/plugins/newsroom/webhooks`);
  await editorPage.getByTestId('webhooks-error').filter({ hasText: 'it needs the Webhooks “Read” permission' }).waitFor();
  // The deliveries are the plugin's: its read permission shows them.
  await editorPage.getByTestId('delivery-row').first().waitFor();
  await screenshot(editorPage, '29-webhooks-editor-forbidden');
  await context.close();
});

step('threw no uncaught error in the page along the way', async () => {
  expect(pageErrors).toEqual([]);
});
