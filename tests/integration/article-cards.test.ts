import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentError } from '../../src/plugins/newsroom/server/src/lib/import';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import type { TagPageArticle } from '../../src/plugins/newsroom/shared/contracts/tag-pages';
import { paragraphs } from '../helpers/blocks';
import { child, children, parseXml } from '../helpers/feed-reader';
import { isDocumentError, line, ndjson, rowCounts } from '../helpers/import';
import { png } from '../helpers/png';
import { useTestApp } from '../helpers/test-app';
import { startWebhookReceiver, subscribe, type WebhookReceiver } from '../helpers/webhook-receiver';

// What a tag page shows of an article besides its text: its byline and
// cover, from the Document Service, the importer and the media library, in
// the JSON, the feeds, and the change announced when the media is edited.

const API = 'https://api.newsroom.test';
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-covers-'));

const app = useTestApp({
  env: {
    PUBLIC_URL: API,
    // The local provider's files, out of the checkout.
    PUBLIC_DIR: uploads,
    NEWSROOM_CHANGES_COALESCE_MS: '50',
    NEWSROOM_CHANGES_POLL_MS: '50',
  },
});
let receiver: WebhookReceiver;
let admin: string;
let tagId: string;
let fileId: number;
let covered: string;
let plain: string;

type File = { id: number; url: string; size: number; alternativeText: string | null };

/** Through the upload plugin's own service, as the media library's upload route calls it. */
async function upload(name: string, alternativeText: string): Promise<File> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-png-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, png(320, 200));
  try {
    const [file] = await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { alternativeText } }, files: { filepath, originalFilename: name, mimetype: 'image/png', size: fs.statSync(filepath).size } });
    return file as File;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const page = async () => (await app.get('/api/newsroom/tags/covers').expect(200)).body.data.articles as TagPageArticle[];
const card = async (documentId: string) => (await page()).find((article) => article.documentId === documentId)!;
const fileRow = async (id: number): Promise<File> => app.strapi.db.query(UIDS.file).findOne({ where: { id } });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  admin = await app.superAdminToken();
  await subscribe(await app.listen(), admin, receiver.url);
  tagId = (await app.documents(UIDS.tag).create({ data: { name: 'Covers' } })).documentId;
  fileId = (await upload('harbour.png', 'A harbour at dawn')).id;
  plain = (await app.documents(UIDS.article).create({ data: { title: 'No picture', body: paragraphs('Text only.'), tags: [tagId] }, status: 'published' }))
    .documentId;
  await new Promise((resolve) => setTimeout(resolve, 5));
  covered = (
    await app.documents(UIDS.article).create({
      data: { title: 'The harbour reopens', body: paragraphs('Ships are back.'), byline: 'Ada Reporter', cover: fileId, tags: [tagId] },
      status: 'published',
    })
  ).documentId;
});

afterAll(async () => {
  await receiver?.close();
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe('the tag page JSON', () => {
  it('carries the cover (absolute URLs), the byline and updatedAt; null when there is none', async () => {
    const file = await fileRow(fileId);
    const [first, second] = await page();
    expect(first).toMatchObject({ documentId: covered, byline: 'Ada Reporter', updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    expect(first.cover).toEqual({
      url: `${API}${file.url}`,
      alternativeText: 'A harbour at dawn',
      width: 320,
      height: 200,
      formats: {
        thumbnail: { url: expect.stringMatching(new RegExp(`^${API}/uploads/thumbnail_`)), width: 245, height: 153, mime: 'image/png', size: expect.any(Number) },
      },
      mime: 'image/png',
      size: Number(file.size),
    });
    expect(second).toMatchObject({ documentId: plain, byline: null, cover: null, updatedAt: expect.any(String) });
    // The local provider's URL is the server's own: PUBLIC_URL + /uploads/….
    await app.get(file.url).expect(200).expect('content-type', 'image/png');
  });
});

describe('the feeds', () => {
  it('RSS: the cover is the enclosure (absolute URL, its type, its length in bytes)', async () => {
    const file = await fileRow(fileId);
    const root = parseXml((await app.get('/api/newsroom/tags/covers/feed.xml').expect(200)).text);
    const [first, second] = children(root, 'channel', 'item');
    expect(child(first, 'enclosure').attributes).toEqual({ url: `${API}${file.url}`, type: 'image/png', length: String(Math.round(Number(file.size) * 1000)) });
    expect(children(second, 'enclosure')).toEqual([]);
    // `feed` writes an RSS author only with an email address, which a byline is not.
    expect(children(first, 'author')).toEqual([]);
  });

  it('Atom: the byline is the entry’s author', async () => {
    const root = parseXml((await app.get('/api/newsroom/tags/covers/feed.atom').expect(200)).text);
    const [first, second] = children(root, 'entry');
    expect(children(first, 'author').map((author) => child(author, 'name').text)).toEqual(['Ada Reporter']);
    expect(children(second, 'author')).toEqual([]);
  });
});

describe('NDJSON import', () => {
  it('stores a byline (trimmed; blank: none)', async () => {
    const text = ndjson([
      { title: 'Imported with a byline', body: 'Body one.', tags: ['Covers'], byline: '  Grace Writer ', publishedAt: '2020-01-02T00:00:00Z' },
      { title: 'Imported with a blank byline', body: 'Body two.', tags: ['Covers'], byline: ' ', publishedAt: '2020-01-01T00:00:00Z' },
    ]);
    await app.importer().importDocument(text, { fileName: 'bylines.ndjson' });
    const articles = await page();
    const byTitle = (title: string) => articles.find((article) => article.title === title)!;
    expect(byTitle('Imported with a byline').byline).toBe('Grace Writer');
    expect(byTitle('Imported with a blank byline').byline).toBeNull();
  });

  it.each([
    ['too long', 'B'.repeat(201), '"byline" must be at most 200 characters'],
    ['not a string', 42, '"byline" must be a string'],
    ['on two lines', 'Ada\nReporter', '"byline" must not contain line breaks or control characters'],
  ])('refuses a byline %s, naming the file and line, writing nothing', async (_case, byline, problem) => {
    const before = await rowCounts(app);
    const text = `${line({ title: 'Fine', body: 'Fine.', tags: ['Covers'] })}\n${line({ title: 'Bad byline', body: 'Text.', byline })}`;
    const error = await app.importer()
      .importDocument(text, { fileName: 'bad-byline.ndjson' })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(isDocumentError(error)).toBe(true);
    const { file, line: lineNo, problem: message } = error as DocumentError;
    expect({ file, line: lineNo, problem: message }).toEqual({ file: 'bad-byline.ndjson', line: 2, problem });
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('the media library is a writer of the pages', () => {
  it('editing the cover’s alternative text changes the cached page and announces its tag', async () => {
    const first = await app.get('/api/newsroom/tags/covers').expect(200);
    await app.get('/api/newsroom/tags/covers').set('If-None-Match', first.headers.etag).expect(304);
    const since = receiver.received.length;

    // As the media library's edit dialog sends it.
    await app
      .request()
      .post(`/upload?id=${fileId}`)
      .set('Authorization', `Bearer ${admin}`)
      .field('fileInfo', JSON.stringify({ alternativeText: 'Cranes over the harbour', name: 'harbour.png', caption: null }))
      .expect(200);

    const second = await app.get('/api/newsroom/tags/covers').set('If-None-Match', first.headers.etag).expect(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect(second.body.data.articles.find((a: TagPageArticle) => a.documentId === covered).cover.alternativeText).toBe('Cranes over the harbour');
    const { body: event } = await receiver.waitFor((e) => e.articles.includes(covered), { since });
    expect(event.articles).toEqual([covered]);
    expect(event.tags).toEqual({ before: ['covers'], after: ['covers'] });
    expect(event.urls).toContain(`${API}/api/newsroom/tags/covers`);
  });

  it('deleting the file takes the cover off the page, and announces it', async () => {
    const since = receiver.received.length;
    const file = await app.strapi.plugin('upload').service('upload').findOne(fileId);
    await app.strapi.plugin('upload').service('upload').remove(file);
    expect((await card(covered)).cover).toBeNull();
    const { body: event } = await receiver.waitFor((e) => e.articles.includes(covered), { since });
    expect(event.urls).toContain(`${API}/api/newsroom/tags/covers`);
  });

  it('a file no published article uses changes no page', async () => {
    const since = receiver.received.length;
    const unused = await upload('unused.png', 'Nothing');
    await app.strapi.plugin('upload').service('upload').updateFileInfo(unused.id, { alternativeText: 'Still nothing' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.slice(since)).toEqual([]);
  });
});
