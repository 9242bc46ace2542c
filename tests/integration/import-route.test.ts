import { readFileSync } from 'node:fs';
import { SEED_FILE, rowCounts } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

const seedText = readFileSync(SEED_FILE, 'utf8');

const app = useTestApp();
let importerToken: string;

beforeAll(async () => {
  importerToken = await app.editorToken('Importer', ['plugin::newsroom.import']);
});

const post = (body: unknown, token = importerToken) =>
  app.request().post('/newsroom/import').set('Authorization', `Bearer ${token}`).send(body as object);

describe('POST /newsroom/import', () => {
  it('needs an admin token, and the import permission', async () => {
    await app.request().post('/newsroom/import').send({ text: seedText }).expect(401);
    const reader = await app.editorToken('Reader', ['plugin::newsroom.read']);
    await post({ text: seedText }, reader).expect(403);
  });

  it('answers what a dry run would do, writing nothing', async () => {
    const before = await rowCounts(app);
    const res = await post({ text: seedText, fileName: 'us-led-coalition.txt', dryRun: true }).expect(200);
    expect(res.body.data).toMatchObject({
      file: 'us-led-coalition.txt',
      format: 'listing',
      dryRun: true,
      articles: { created: 10, updated: 0, unchanged: 0 },
      tags: { created: ['US-led coalition'] },
      sources: { created: ['Euphrates Post', 'TASS', 'Reuters', 'RIA Novosti', 'RBC'] },
    });
    expect(res.body.data.items).toHaveLength(10);
    expect(await rowCounts(app)).toEqual(before);
  });

  it('imports the document and answers the summary; sending it again changes nothing', async () => {
    const res = await post({ text: seedText }).expect(200);
    expect(res.body.data).toMatchObject({ file: 'document', dryRun: false, articles: { created: 10, updated: 0, unchanged: 0 } });
    expect(res.body.data.items[0]).toMatchObject({ line: 3, action: 'created', sources: ['Euphrates Post'] });
    const published = await app.get('/api/articles').expect(200);
    expect(published.body.meta.pagination.total).toBe(10);

    const again = await post({ text: seedText }).expect(200);
    expect(again.body.data.articles).toEqual({ created: 0, updated: 0, unchanged: 10 });
  });

  it('takes NDJSON, by file name or format', async () => {
    const text = JSON.stringify({ title: 'From the route', body: '<p>Hello</p>', bodyFormat: 'html', tags: ['Route'] });
    const res = await post({ text, format: 'ndjson', draft: true }).expect(200);
    expect(res.body.data).toMatchObject({ format: 'ndjson', articles: { created: 1 } });
    const byName = await post({ text, fileName: 'export.ndjson' }).expect(200);
    expect(byName.body.data).toMatchObject({ format: 'ndjson', articles: { unchanged: 1 } });
  });

  it('refuses a bad request body with a 400', async () => {
    const res = await post({ text: 42 }).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    await post({ text: seedText, extra: true }).expect(400);
    await post({ text: seedText, format: 'pdf' }).expect(400);
  });

  it('refuses a bad document with a 400 naming the file, the line and the problem', async () => {
    const before = await rowCounts(app);
    const res = await post({ text: 'Contents tagged with X\n\n  • Title without text', fileName: 'bad.txt' }).expect(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'bad.txt:3: item has no text',
      details: { file: 'bad.txt', line: 3, problem: 'item has no text' },
    });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('refuses a document over 10 MB with a 413, whatever the JSON around it', async () => {
    const overLimit = 'x'.repeat(10 * 1024 * 1024 + 1);
    const res = await post({ text: overLimit, fileName: 'big.txt' }).expect(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message: 'big.txt:0: document is 10485761 bytes, over the limit of 10485760 bytes',
      details: { file: 'big.txt', line: 0, problem: 'document is 10485761 bytes, over the limit of 10485760 bytes' },
    });
    // Past the JSON body limit (twice the document limit), the body parser refuses it first
    // (and Strapi logs that as an error: expected here, so not shown).
    const log = app.strapi.log;
    log.silent = true;
    try {
      await post({ text: '"'.repeat(11 * 1024 * 1024) }).expect(413);
    } finally {
      log.silent = false;
    }
  });
});
