import type { Browser, Page } from 'playwright-core';
import { call, createEditor, PASSWORD } from './helpers/admin-api';
import { logIn, screenshot, serverOnlyContext } from './helpers/browser';
import { createArticle, createTag } from './helpers/content-manager';
import type { E2EServer } from './helpers/server';
import { startSession, type E2ESession } from './helpers/session';

// The Tags page (issue 15) in a real browser, as an editor who may only manage
// tags: search, sort and pages served by the server; a rename, a merge and a
// delete, each previewed by its dry run, then checked on the public API; the
// redirects they left. Each step continues from the state the previous left.

const CHIEF = 'chief@newsroom.test';
const EDITOR = 'tags@newsroom.test';
const WIRE_TAGS = 25;

let server: E2EServer;
let browser: Browser;
let page: Page;
let adminToken: string;
let pageErrors: string[] = [];
// Whichever of the two started, for afterAll to stop.
const keep = (started: Partial<E2ESession>) => {
  if (started.server) server = started.server;
  if (started.browser) browser = started.browser;
};

/** A public tag route's status, and where it redirects (the path), without following it. */
async function publicTag(slug: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${server.url}/api/newsroom/tags/${slug}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  return { status: res.status, location: location && new URL(location).pathname };
}
const publishedCount = async (slug: string) =>
  (await call<{ data: { tag: { articleCount: number } } }>(`${server.url}/api/newsroom/tags/${slug}`, 'GET')).data.tag.articleCount;

const row = (slug: string) => page.locator(`[data-testid="tag-row"][data-slug="${slug}"]`);
const cell = async (slug: string, testId: string) => row(slug).getByTestId(testId).textContent();
const dialog = () => page.getByRole('dialog');
const search = (text: string) => page.locator('input[name="q"]').fill(text);
// Read in one step: the list re-renders while a search loads, and a row found first may be gone by the time it is read.
// (The tests compile without the DOM's types: an element is what the page's script sees.)
type PageElement = { getAttribute(name: string): string | null };
const slugsShown = (): Promise<Array<string | null>> =>
  page.getByTestId('tag-row').evaluateAll((rows) => rows.map((r) => (r as unknown as PageElement).getAttribute('data-slug')));

/** Waits until the list shows what `check` expects (it keeps the last answer shown while the next loads). */
async function waitForRows(check: (slugs: Array<string | null>) => boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check(await slugsShown())) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the list shows ${JSON.stringify(await slugsShown())}`);
}
const onlyRows = (...slugs: string[]) => waitForRows((shown) => JSON.stringify(shown) === JSON.stringify(slugs));
/** Types into a picker as a person does: key by key, which opens its list. */
async function pick(label: string, text: string, option: RegExp): Promise<void> {
  await dialog().getByRole('combobox', { name: label }).pressSequentially(text);
  await page.getByRole('option', { name: option }).click();
}

beforeAll(async () => {
  ({ server, browser, page, adminToken, pageErrors } = await startSession(CHIEF, keep));
  const tag = (data: Parameters<typeof createTag>[2]) => createTag(server.url, adminToken, data);
  const alpha = await tag({ name: 'Alpha' });
  const beta = await tag({ name: 'Beta' });
  await tag({ name: 'Coalition (US)', aliases: ['Allied forces'] });
  const gamma = await tag({ name: 'Gamma', aliases: ['Third letter'] });
  const obsolete = await tag({ name: 'Obsolete', slug: 'old-name' });
  for (let i = 1; i <= WIRE_TAGS; i++) await tag({ name: `Wire ${String(i).padStart(2, '0')}` });
  const article = (title: string, tags: string[], published = true) => createArticle(server.url, adminToken, title, tags, { published });
  await article('One', [alpha]);
  await article('Two', [alpha, beta]);
  await article('Three', [beta, gamma]);
  await article('Four, a draft', [beta], false);
  await article('Five', [gamma]);
  await article('Six', [gamma]);
  await article('Seven', [obsolete]);
  // A slug that redirects before the page opens: old-name -> obsolete.
  await call(`${server.url}/newsroom/tags/old-name`, 'PUT', { slug: 'obsolete' }, adminToken);
  await createEditor(server.url, adminToken, EDITOR, ['plugin::newsroom.tags']);
}, 120000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A test step that leaves a picture of what the browser showed when it fails. */
function step(name: string, run: () => Promise<void>) {
  it(name, async () => {
    try {
      await run();
    } catch (error) {
      await screenshot(page, `failed-tags-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

step('an editor who may only manage tags lands on the Tags page: every tag, both counts, aliases, pages of 20', async () => {
  await logIn(page, server.url, EDITOR, PASSWORD);
  await page.getByRole('link', { name: 'Newsroom' }).click();
  await page.waitForURL('**/admin/plugins/newsroom/tag-admin');
  await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Newsroom' });
  await nav.getByRole('link', { name: 'Tags' }).waitFor();
  expect(await nav.getByRole('link', { name: 'Tag pages' }).count()).toBe(0);

  await row('beta').waitFor();
  expect(await page.getByTestId('tag-row').count()).toBe(20);
  expect(await page.getByTestId('pager-status').first().textContent()).toBe('Page 1 of 2 · 30 rows');
  expect([await cell('beta', 'tag-published'), await cell('beta', 'tag-unpublished')]).toEqual(['2', '1']);
  expect([await cell('gamma', 'tag-published'), await cell('gamma', 'tag-aliases')]).toEqual(['3', 'Third letter']);
  await screenshot(page, '40-tags-list');

  await page.getByRole('button', { name: 'Next' }).first().click();
  await row('wire-25').waitFor();
  expect(await page.getByTestId('tag-row').count()).toBe(10);
  await page.getByRole('button', { name: 'Previous' }).first().click();
  await row('alpha').waitFor();
});

step('searches on the server by alias and by prefix, and sorts by either count', async () => {
  await search('allied');
  await onlyRows('coalition-us');
  await search('gam');
  await onlyRows('gamma');
  await screenshot(page, '41-tags-search');
  await search('');
  await waitForRows((shown) => shown.length === 20);

  for (const [order, first] of [['Most published articles', 'gamma'], ['Most never-published articles', 'beta'], ['Name', 'alpha']]) {
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: order }).click();
    await waitForRows((shown) => shown[0] === first);
  }
});

step("rename: the server's refusal, the warning for a slug that redirects, the redirect it leaves; then the old URL answers 301", async () => {
  await page.getByRole('button', { name: 'Rename Coalition (US)' }).click();
  const slug = dialog().locator('input[name="slug"]');
  const confirm = dialog().getByRole('button', { name: 'Rename', exact: true });
  await slug.fill('gamma');
  await dialog().getByTestId('change-error').filter({ hasText: 'slug "gamma" is already taken by tag "Gamma"' }).waitFor();
  expect(await confirm.isDisabled()).toBe(true);

  await slug.fill('old-name');
  const released = dialog().getByTestId('rename-released');
  await released.waitFor();
  expect(await released.textContent()).toContain('Links to /old-name will show this tag instead of obsolete.');
  await screenshot(page, '42-tags-rename-released');

  await dialog().locator('input[name="name"]').fill('US-led coalition');
  await slug.fill('us-led-coalition');
  await dialog().getByTestId('rename-preview').getByTestId('redirect-change').filter({ hasText: 'coalition-us → us-led-coalition' }).waitFor();
  expect(await released.count()).toBe(0);
  await screenshot(page, '43-tags-rename-preview');
  await confirm.click();
  await page.getByText('Coalition (US) renamed: now US-led coalition, at /us-led-coalition').waitFor();
  await row('us-led-coalition').waitFor();
  expect(await cell('us-led-coalition', 'tag-aliases')).toContain('Coalition (US)');

  expect(await publicTag('coalition-us')).toEqual({ status: 301, location: '/api/newsroom/tags/us-led-coalition' });
});

step('merge: ticked on two searches, into a tag found by the picker; the dry-run numbers are what the server then does', async () => {
  await row('alpha').getByRole('checkbox').click();
  await search('beta');
  await onlyRows('beta');
  await row('beta').getByRole('checkbox').click();
  expect(await page.getByTestId('merge-selection').textContent()).toContain('2 tags selected: Alpha, Beta');
  const gammaBefore = await publishedCount('gamma');

  await page.getByRole('button', { name: 'Merge into…' }).click();
  await pick('Into', 'gam', /^Gamma \(gamma/);
  const preview = dialog().getByTestId('merge-preview');
  await preview.waitFor();
  expect(await preview.getByTestId('merge-articlesMoved').textContent()).toBe('3');
  expect(await preview.getByTestId('merge-articlesAlreadyTagged').textContent()).toBe('1');
  expect(await preview.getByTestId('merge-tagsRemoved').textContent()).toBe('2');
  expect(await preview.getByTestId('redirect-change').allTextContents()).toEqual(['alpha → gamma', 'beta → gamma']);
  await screenshot(page, '44-tags-merge-preview');

  await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByText('Merged into Gamma: 3 articles moved, 2 tags removed').waitFor();
  // The search for "beta" now finds Gamma, by the merged tag's name become its alias.
  await onlyRows('gamma');
  expect(await cell('gamma', 'tag-aliases')).toEqual(expect.stringContaining('Beta'));
  expect(await cell('gamma', 'tag-unpublished')).toBe('1');
  expect(await page.getByTestId('merge-selection').count()).toBe(0);

  // Of the three articles moved, two are published ("Four" is a draft).
  expect(await publishedCount('gamma')).toBe(gammaBefore + 2);
  expect(await cell('gamma', 'tag-published')).toBe(String(gammaBefore + 2));
  expect(await publicTag('alpha')).toEqual({ status: 301, location: '/api/newsroom/tags/gamma' });
  expect(await publicTag('beta')).toEqual({ status: 301, location: '/api/newsroom/tags/gamma' });
});

step('delete: redirect to a tag or 410, each previewed with the articles that lose it; 410 confirmed', async () => {
  await search('obsolete');
  await onlyRows('obsolete');
  await page.getByRole('button', { name: 'Delete Obsolete' }).click();
  const preview = dialog().getByTestId('delete-preview');
  await preview.waitFor();
  expect(await preview.getByTestId('delete-untagged').textContent()).toBe('1 article loses this tag.');
  expect(await preview.getByTestId('redirect-change').allTextContents()).toEqual(['obsolete → Gone (410)', 'old-name → Gone (410)']);

  await dialog().getByRole('radio', { name: 'Redirect to another tag' }).click();
  await pick('Redirect to', 'gam', /^Gamma \(gamma/);
  await preview.getByTestId('redirect-change').filter({ hasText: 'obsolete → gamma' }).waitFor();
  await screenshot(page, '45-tags-delete-redirect');

  await dialog().getByRole('radio', { name: 'Answer 410 Gone' }).click();
  await preview.getByTestId('redirect-change').filter({ hasText: 'obsolete → Gone (410)' }).waitFor();
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByText('Obsolete deleted: 1 article lost it').waitFor();
  await page.getByTestId('tags-none').waitFor();

  expect((await publicTag('obsolete')).status).toBe(410);
  expect((await publicTag('old-name')).status).toBe(410);
});

step('the redirects list shows every row the changes left', async () => {
  const redirect = (from: string) => page.locator(`[data-testid="redirect-row"][data-from="${from}"]`);
  const expected: Array<[string, string]> = [
    ['alpha', 'gamma'],
    ['beta', 'gamma'],
    ['coalition-us', 'us-led-coalition'],
    ['obsolete', 'Gone (410)'],
    ['old-name', 'Gone (410)'],
  ];
  for (const [from, to] of expected) {
    await redirect(from).waitFor();
    expect([await redirect(from).getByTestId('redirect-to').textContent(), await redirect(from).getByTestId('redirect-type').textContent()]).toEqual([to, 'Tag']);
  }
  await screenshot(page, '46-tags-redirects');
});

step('an editor without "Manage tags" has no Tags link, is told so on the page, and the route answers 403', async () => {
  const email = 'reader-editor@newsroom.test';
  const token = await createEditor(server.url, adminToken, email, ['plugin::newsroom.read']);
  const context = await serverOnlyContext(browser, server.url);
  const editorPage = await context.newPage();
  await logIn(editorPage, server.url, email, PASSWORD);
  await editorPage.getByRole('link', { name: 'Newsroom' }).click();
  const nav = editorPage.getByRole('navigation', { name: 'Newsroom' });
  await nav.getByRole('link', { name: 'Tag pages' }).waitFor();
  expect(await nav.getByRole('link', { name: 'Tags', exact: true }).count()).toBe(0);
  await editorPage.goto(`${server.url}/admin/plugins/newsroom/tag-admin`);
  await editorPage.getByText("You don't have the permissions to access that content").waitFor();
  await screenshot(editorPage, '47-tags-forbidden');
  await context.close();

  const res = await fetch(`${server.url}/newsroom/tags`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(403);
});

step('threw no uncaught error in the page along the way', async () => {
  expect(pageErrors).toEqual([]);
});
