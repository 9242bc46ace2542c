import type { Browser, Page } from 'playwright-core';
import { png } from '../helpers/png';
import { call, PASSWORD } from './helpers/admin-api';
import { logIn, screenshot } from './helpers/browser';
import type { E2EServer } from './helpers/server';
import { startSession, type E2ESession } from './helpers/session';

// An Article's edit view warns while its cover has no alternative text (the
// Cover panel, issue 16), in a real browser: the file uploaded through the
// media library's route, the alternative text then added there.

const CHIEF = 'cover@newsroom.test';
const WARNING = 'The cover has no alternative text';

let server: E2EServer;
let browser: Browser;
let page: Page;
let adminToken: string;
let pageErrors: string[] = [];
let fileId: number;
let documentId: string;
const keep = (started: Partial<E2ESession>) => {
  if (started.server) server = started.server;
  if (started.browser) browser = started.browser;
};

/** The upload plugin's admin route, as the media library sends a file (or, with `id`, new file info). */
async function upload(fileInfo: { alternativeText: string }, id?: number): Promise<{ id: number }> {
  const form = new FormData();
  form.append('fileInfo', JSON.stringify(fileInfo));
  if (id === undefined) form.append('files', new Blob([png(320, 200)], { type: 'image/png' }), 'harbour.png');
  const res = await fetch(`${server.url}/upload${id === undefined ? '' : `?id=${id}`}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}` },
    body: form,
  });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: number } | Array<{ id: number }>;
  return Array.isArray(body) ? body[0] : body;
}

const openEditView = async () => {
  await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${documentId}`);
  await page.locator('input[name="title"]').waitFor();
};

beforeAll(async () => {
  ({ server, browser, page, adminToken, pageErrors } = await startSession(CHIEF, keep));
  fileId = (await upload({ alternativeText: '' })).id;
  const created = await call<{ data: { documentId: string } }>(
    `${server.url}/content-manager/collection-types/api::article.article`,
    'POST',
    { title: 'Harbour at dawn', cover: fileId },
    adminToken,
  );
  documentId = created.data.documentId;
}, 90000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('warns in the side panel while the cover has no alternative text, and not once it has one', async () => {
  try {
    await logIn(page, server.url, CHIEF, PASSWORD);
    await openEditView();
    await page.getByText(WARNING).waitFor();
    await screenshot(page, '30-cover-without-alt-text');

    await upload({ alternativeText: 'A harbour at dawn' }, fileId);
    await openEditView();
    // The side panels render together: the excerpt's shown, the cover's would be.
    await page.getByTestId('excerpt-preview').waitFor();
    expect(await page.getByText(WARNING).count()).toBe(0);
    await screenshot(page, '31-cover-with-alt-text');
    expect(pageErrors).toEqual([]);
  } catch (error) {
    await screenshot(page, 'failed-cover-panel').catch(() => undefined);
    throw error;
  }
});
