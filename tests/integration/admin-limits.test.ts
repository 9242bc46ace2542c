import request from 'supertest';
import type { GetLimits } from '../../src/plugins/newsroom/shared/contracts/settings';
import { editorToken, superAdminToken } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';

// The admin checks its forms with the limits this route serves: they must be
// the ones the server enforces, configured or not.
const MAX_DOCUMENT_BYTES = 4096;
const ROUTE = '/newsroom/settings/limits';

let app: TestApp;
let admin: string;
const previous = process.env.NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES;

beforeAll(async () => {
  process.env.NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES = String(MAX_DOCUMENT_BYTES);
  app = await startTestApp();
  admin = await superAdminToken(app);
});

afterAll(async () => {
  await app?.stop();
  if (previous === undefined) delete process.env.NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES;
  else process.env.NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES = previous;
});

const limits = async (token: string) =>
  (await request(app.server).get(ROUTE).set('Authorization', `Bearer ${token}`).expect(200)).body as GetLimits.Response;

describe('GET /newsroom/settings/limits', () => {
  it('serves the configured import limits', async () => {
    const { data } = await limits(admin);
    expect(data.import).toEqual({ maxDocumentBytes: MAX_DOCUMENT_BYTES, maxLineBytes: 1024 * 1024 });
  });

  it('serves the import limit the import route enforces', async () => {
    const { data } = await limits(admin);
    // A one-article listing whose excerpt pads it to `bytes`.
    const listing = (bytes: number) => {
      const head = 'Contents tagged with Limits\n\n  • At the limit\n\n    ';
      return `${head}${'x'.repeat(bytes - Buffer.byteLength(head) - 1)}\n`;
    };
    const send = (bytes: number) =>
      request(app.server)
        .post('/newsroom/import')
        .set('Authorization', `Bearer ${admin}`)
        .send({ text: listing(bytes), fileName: 'limits.txt', dryRun: true });
    const over = await send(data.import.maxDocumentBytes + 1).expect(413);
    expect(over.body.error.details).toEqual({
      file: 'limits.txt',
      line: 0,
      problem: `document is ${data.import.maxDocumentBytes + 1} bytes, over the limit of ${data.import.maxDocumentBytes} bytes`,
    });
    const atLimit = await send(data.import.maxDocumentBytes).expect(200);
    expect(atLimit.body.data.articles.created).toBe(1);
  });

  it('serves the excerpt settings bounds the settings route validates', async () => {
    const { data } = await limits(admin);
    const put = (settings: object) => request(app.server).put('/newsroom/excerpt/settings').set('Authorization', `Bearer ${admin}`).send(settings);
    const { maxLength, suffix } = data.excerpt;
    await put({ maxLength: maxLength.max, suffix: '…'.repeat(suffix.maxLength) }).expect(200);
    await put({ maxLength: maxLength.min, suffix: '' }).expect(200);
    await put({ maxLength: maxLength.max + 1, suffix: '' }).expect(400);
    await put({ maxLength: maxLength.min - 1, suffix: '' }).expect(400);
    await put({ maxLength: maxLength.min, suffix: '…'.repeat(suffix.maxLength + 1) }).expect(400);
    await request(app.server).delete('/newsroom/excerpt/settings').set('Authorization', `Bearer ${admin}`).expect(200);
  });

  it('answers an editor holding any one of the plugin’s actions, and no one else', async () => {
    const importer = await editorToken(app, 'Importer', ['plugin::newsroom.import']);
    const reader = await editorToken(app, 'Reader', ['plugin::newsroom.read']);
    const outsider = await editorToken(app, 'Outsider', []);
    expect((await limits(importer)).data.import.maxDocumentBytes).toBe(MAX_DOCUMENT_BYTES);
    expect((await limits(reader)).data.excerpt).toEqual((await limits(admin)).data.excerpt);
    await request(app.server).get(ROUTE).set('Authorization', `Bearer ${outsider}`).expect(403);
    await request(app.server).get(ROUTE).expect(401);
  });
});
