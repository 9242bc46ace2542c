import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { createEditor, PASSWORD } from './helpers/admin-api';
import { clearScreenshots, logIn, screenshot, serverOnlyContext } from './helpers/browser';
import type { E2EServer } from './helpers/server';
import { startSession, type E2ESession } from './helpers/session';

// The editors' admin pages (issue 6) in a real browser, in the order an
// editor meets them: each test continues from the state the previous left.

const SEED = path.resolve(__dirname, '..', '..', 'database', 'seed-documents', 'us-led-coalition.txt');
const SEED_TITLES = fs
  .readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('  • '))
  .map((line) => line.slice(4).trim());
const CHIEF = 'chief@newsroom.test';

/** What the steps read of a tag page's answer. */
type TagPage = { data: { articles: Array<{ documentId: string; excerpt: string }> } };
// page.waitForFunction's callback runs in the browser; the tests' lib has no DOM.
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

let server: E2EServer;
let browser: Browser;
let page: Page;
let adminToken: string;
let tmp: string;
let pageErrors: string[] = [];
// Whichever of the two started, for afterAll to stop.
const keep = (started: Partial<E2ESession>) => {
  if (started.server) server = started.server;
  if (started.browser) browser = started.browser;
};

/** A public route's JSON answer, as the step reads it. */
const api = async <T>(route: string) => (await (await fetch(`${server.url}${route}`)).json()) as T;
const charactersIn = (label: string | null) => Number(label?.match(/\d+/)?.[0]);
const articleTotal = async () => (await api<{ meta: { pagination: { total: number } } }>('/api/articles?pagination[pageSize]=1')).meta.pagination.total;

beforeAll(async () => {
  clearScreenshots();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-files-'));
  ({ server, browser, page, adminToken, pageErrors } = await startSession(CHIEF, keep));
}, 90000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A test step that leaves a picture of what the browser showed when it fails. */
function step(name: string, run: () => Promise<void>) {
  it(name, async () => {
    try {
      await run();
    } catch (error) {
      await screenshot(page, `failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

step('logs in through the form and opens the Newsroom pages from the menu', async () => {
  await logIn(page, server.url, CHIEF, PASSWORD);
  await page.getByRole('link', { name: 'Newsroom' }).click();
  await page.waitForURL('**/admin/plugins/newsroom/import');
  await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
  for (const link of ['Import', 'Tag pages', 'Excerpts']) {
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: link }).waitFor();
  }
  await screenshot(page, '01-import-page');
});

step('refuses an image and a UTF-16 file with readable errors, in the server\'s words, changing nothing', async () => {
  // A PNG signature and header: binary, not UTF-8.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  await page.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('import-error').filter({ hasText: 'photo.png (image/png): binary data, not a text document' }).waitFor();
  await screenshot(page, '02-import-image-refused');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Contents tagged with Syria\n', 'utf16le')]);
  await page.locator('input[type="file"]').setInputFiles({ name: 'syria.txt', mimeType: 'text/plain', buffer: utf16 });
  await page
    .getByTestId('import-error')
    .filter({ hasText: 'syria.txt (text/plain): the document is UTF-16 (little-endian), not UTF-8: save it as UTF-8' })
    .waitFor();
  expect(await articleTotal()).toBe(0);
});

step('refuses a 50 MB file before sending it, changing nothing', async () => {
  const big = path.join(tmp, 'huge.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 50 * 1024 * 1024);
  const sent: string[] = [];
  const onRequest = (request: Request) => request.url().includes('/newsroom/import') && sent.push(request.url());
  page.on('request', onRequest);
  await page.locator('input[type="file"]').setInputFiles(big);
  await page.getByTestId('import-error').filter({ hasText: 'huge.txt is 50.0 MB, over the import limit of 10.0 MB' }).waitFor();
  page.off('request', onRequest);
  await screenshot(page, '03-import-oversize-refused');
  expect(sent).toEqual([]);
  expect(await articleTotal()).toBe(0);
});

step("shows a broken document's line and problem, changing nothing", async () => {
  await page.getByRole('tab', { name: 'Paste text' }).click();
  await page.locator('input[name="fileName"]').fill('broken.txt');
  await page.locator('textarea[name="text"]').fill(['Contents tagged with Syria', '', '  • A title', '', '  not indented'].join('\n'));
  await page.getByRole('button', { name: 'Dry run' }).click();
  const error = page.getByTestId('import-error').filter({ hasText: 'broken.txt, line 5' });
  await error.waitFor();
  expect(await error.textContent()).toContain("indented more than its item's bullet (line 3)");
  expect(await error.textContent()).toContain('5:   not indented');
  await screenshot(page, '04-import-line-error');
  expect(await articleTotal()).toBe(0);
});

step('dry-runs the seed document: a table of what would happen, nothing saved', async () => {
  await page.getByRole('tab', { name: 'File' }).click();
  await page.locator('input[type="file"]').setInputFiles(SEED);
  await page.getByTestId('import-document').filter({ hasText: 'us-led-coalition.txt' }).waitFor();
  // Importing is offered only after a dry run of this document.
  expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Dry run' }).click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  expect(await summary.getByRole('heading').textContent()).toBe('Dry run of us-led-coalition.txt: nothing was saved');
  expect(await page.getByTestId('import-count-created').textContent()).toBe('10');
  expect(await page.getByTestId('import-tags-created').textContent()).toBe('US-led coalition');
  const rows = page.getByTestId('import-item');
  expect(await rows.count()).toBe(10);
  expect(await rows.first().textContent()).toContain('Euphrates Post');
  await screenshot(page, '05-import-dry-run');
  expect(await articleTotal()).toBe(0);
});

step('imports it: 10 articles and the tag, linked to the Content Manager', async () => {
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Imported us-led-coalition.txt' }).waitFor();
  expect(await page.getByTestId('import-count-created').textContent()).toBe('10');
  expect(await page.getByTestId('import-tags-created').textContent()).toBe('US-led coalition');
  const firstTitle = page.getByTestId('import-item').first().getByRole('link');
  expect(await firstTitle.getAttribute('href')).toMatch(/^\/admin\/content-manager\/collection-types\/api::article\.article\/\w+$/);
  await screenshot(page, '06-import-done');

  expect(await articleTotal()).toBe(10);
  const tags = await api<{ data: unknown[] }>('/api/newsroom/tags?all=true');
  expect(tags.data).toEqual([expect.objectContaining({ name: 'US-led coalition', slug: 'us-led-coalition', articleCount: 10 })]);
});

step("shows the tag's page as the API serves it: the 10 titles in order, the count, the routes", async () => {
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Tag pages' }).click();
  // Searched by the server: "US led" is a prefix of the name's words, not a substring of it.
  await page.getByRole('combobox', { name: 'Tag' }).pressSequentially('US led');
  await page.getByRole('option', { name: /US-led coalition/ }).click();
  await page.waitForURL(/tag=us-led-coalition/);
  const titles = page.getByTestId('tag-article-title');
  await titles.nth(9).waitFor();
  expect(await titles.allTextContents()).toEqual(SEED_TITLES);
  expect(await page.getByTestId('tag-article-count').textContent()).toBe('10');
  expect(await page.getByRole('link', { name: '/api/newsroom/tags/us-led-coalition.txt' }).getAttribute('href')).toBe(
    `${server.url}/api/newsroom/tags/us-led-coalition.txt`,
  );
  await screenshot(page, '07-tag-pages');
});

step('previews the excerpt with an unsaved length, then saves and regenerates', async () => {
  const servedBefore = (await api<TagPage>('/api/newsroom/tags/us-led-coalition')).data.articles.map((a) => a.excerpt);
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Excerpts' }).click();
  const length = page.getByTestId('excerpt-length');
  await length.waitFor();
  const before = await length.textContent();
  const maxLength = page.locator('input[name="maxLength"]');
  expect(await maxLength.inputValue()).toBe('500');

  await maxLength.fill('120');
  await page.waitForFunction((text) => document.querySelector('[data-testid="excerpt-length"]')?.textContent !== text, before);
  expect(charactersIn(await length.textContent())).toBeLessThanOrEqual(122);
  await screenshot(page, '08-excerpts-preview');

  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Excerpt settings saved').first().waitFor();
  await page.getByRole('button', { name: 'Regenerate all excerpts' }).click();
  await page.getByTestId('regeneration-done').waitFor();
  // Ten documents, each a draft and a published version.
  expect(await page.getByTestId('regeneration-done').textContent()).toContain('20 article versions');
  await screenshot(page, '09-excerpts-regenerated');
  // The seed's excerpts are the listing's own (custom): regeneration keeps them.
  const servedAfter = (await api<TagPage>('/api/newsroom/tags/us-led-coalition')).data.articles.map((a) => a.excerpt);
  expect(servedAfter).toEqual(servedBefore);
});

step("shows the excerpt the API will serve in the article's edit view, live as the editor types", async () => {
  const { data } = await api<TagPage>('/api/newsroom/tags/us-led-coalition?pageSize=1');
  await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${data.articles[0].documentId}`);
  const panel = page.getByTestId('excerpt-preview');
  await panel.waitFor();
  expect(await panel.textContent()).toContain("Editor's own");
  expect(await panel.textContent()).toContain(data.articles[0].excerpt.split('\n\n')[0]);
  const customExcerpt = page.locator('textarea[name="customExcerpt"]');

  // No excerpt of the editor's own: generated from the body, with the length saved above.
  await customExcerpt.fill('');
  await page.getByText('Generated from the body', { exact: true }).waitFor();
  expect(charactersIn(await page.getByTestId('excerpt-length').textContent())).toBeLessThanOrEqual(122);
  await screenshot(page, '10-content-manager-side-panel-generated');

  await customExcerpt.fill('Our own summary of the strike.');
  await page.getByText("Editor's own", { exact: true }).waitFor();
  expect(await page.getByTestId('excerpt-length').textContent()).toBe('30 characters');
  expect(await panel.textContent()).toContain('Our own summary of the strike.');
  await screenshot(page, '11-content-manager-side-panel-custom');
});

step('hides the Import page from an editor without the import permission, and the route answers 403', async () => {
  const email = 'junior@newsroom.test';
  const editorToken = await createEditor(server.url, adminToken, email, ['plugin::newsroom.read']);
  const context = await serverOnlyContext(browser, server.url);
  const editorPage = await context.newPage();
  await logIn(editorPage, server.url, email, PASSWORD);
  await editorPage.getByRole('link', { name: 'Newsroom' }).click();
  await editorPage.waitForURL('**/admin/plugins/newsroom/tags');
  const nav = editorPage.getByRole('navigation', { name: 'Newsroom' });
  await nav.getByRole('link', { name: 'Tag pages' }).waitFor();
  expect(await nav.getByRole('link', { name: 'Import' }).count()).toBe(0);
  await screenshot(editorPage, '12-editor-without-import');

  await editorPage.goto(`${server.url}/admin/plugins/newsroom/import`);
  await editorPage.getByText("You don't have the permissions to access that content").waitFor();
  await screenshot(editorPage, '13-editor-import-forbidden');
  await context.close();

  const res = await fetch(`${server.url}/newsroom/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${editorToken}` },
    body: JSON.stringify({ text: fs.readFileSync(SEED, 'utf8'), fileName: 'us-led-coalition.txt' }),
  });
  expect(res.status).toBe(403);
  expect(await articleTotal()).toBe(10);
});

step('threw no uncaught error in the page along the way', async () => {
  expect(pageErrors).toEqual([]);
});
