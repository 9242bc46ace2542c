import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { excerptFromBody } from '../../src/plugins/newsroom/server/src/lib/excerpt';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraph, text, type Blocks } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

const ELLIPSIS = '\u00A0\u2026';

const app = useTestApp();
let admin: string;

beforeAll(async () => {
  admin = await app.superAdminToken();
});

const articles = () => app.documents(UIDS.article);
const words = (n: number, word = 'newsroom') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const longBody: Blocks = [paragraph(words(40)), { type: 'heading', level: 2, children: [text('Later')] }, paragraph(words(80, 'story'))];

describe('the excerpt middleware', () => {
  it('generates and stores the excerpt on create, by the house rule', async () => {
    const article = await articles().create({ data: { title: 'Long story', body: longBody } });
    expect(article.excerpt).toBe(excerptFromBody(longBody, 'blocks'));
    expect(article.excerpt!.endsWith(ELLIPSIS)).toBe(true);
    expect(article.excerpt!.startsWith('newsroom0 newsroom1')).toBe(true);
    expect(article.excerpt).toContain('\n\nLater\n\nstory0');
  });

  it('serves the editor\'s own excerpt as written, trimmed, never cut', async () => {
    const custom = `  ${words(120, 'custom')}  `;
    const article = await articles().create({ data: { title: 'Custom', body: longBody, customExcerpt: custom } });
    expect(article.excerpt).toBe(custom.trim());
  });

  it('follows partial updates of body and customExcerpt', async () => {
    const article = await articles().create({ data: { title: 'Changing', body: [paragraph('First version.')] } });
    expect(article.excerpt).toBe('First version.');

    const edited = await articles().update({ documentId: article.documentId, data: { body: [paragraph('Second version.')] } });
    expect(edited?.excerpt).toBe('Second version.');

    const custom = await articles().update({ documentId: article.documentId, data: { customExcerpt: 'Hand written.' } });
    expect(custom?.excerpt).toBe('Hand written.');

    const titleOnly = await articles().update({ documentId: article.documentId, data: { title: 'Renamed' } });
    expect(titleOnly?.excerpt).toBe('Hand written.');

    const cleared = await articles().update({ documentId: article.documentId, data: { customExcerpt: '   ' } });
    expect(cleared?.excerpt).toBe('Second version.');
  });

  it('does not let a writer set the computed excerpt', async () => {
    const article = await articles().create({ data: { title: 'Sneaky', body: [paragraph('Real text.')], excerpt: 'Fake' } });
    expect(article.excerpt).toBe('Real text.');
    const updated = await articles().update({ documentId: article.documentId, data: { excerpt: 'Fake again' } });
    expect(updated?.excerpt).toBe('Real text.');
  });

  it('publishes the excerpt and the API serves it', async () => {
    const article = await articles().create({ data: { title: 'Served', body: longBody } });
    await articles().publish({ documentId: article.documentId });
    const res = await app.request().get(`/api/articles/${article.documentId}`).expect(200);
    expect(res.body.data.excerpt).toBe(excerptFromBody(longBody, 'blocks'));
  });

  it.each([
    ['no body', undefined],
    ['null body', null],
    ['blocks with nothing to read', [paragraph('   '), { type: 'quote', children: [{ type: 'text', text: '' }] }]],
    [
      'deeply nested lists and empty links',
      [
        {
          type: 'list',
          format: 'ordered',
          children: [
            { type: 'list-item', children: [{ type: 'link', url: 'https://x.test', children: [{ type: 'text', text: '' }] }] },
            { type: 'list', format: 'unordered', indentLevel: 1, children: [{ type: 'list-item', children: [{ type: 'text', text: 'deep' }] }] },
          ],
        },
      ],
    ],
    ['a huge body', [paragraph(words(300_000))]],
  ])('never fails a save: %s', async (_name, body) => {
    // Odd on purpose: some of these are more than Strapi's Blocks type allows.
    const article = await articles().create({ data: { title: `Odd body ${_name}`, body: body as never } });
    expect(typeof article.excerpt).toBe('string');
  });

  it('leaves refusing a structurally invalid body to Strapi\'s own validation', async () => {
    const body = [{ type: 'mystery', children: [{ type: 'text', text: 'x' }] }];
    await expect(articles().create({ data: { title: 'Invalid body', body: body as never } })).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});

describe('excerpt settings and regeneration (admin routes)', () => {
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  it('are refused without an admin token, and without the plugin permission', async () => {
    await app.request().get('/newsroom/excerpt/settings').expect(401);
    await app.request().post('/newsroom/excerpt/preview').send({ body: [] }).expect(401);
    const reader = await app.editorToken('Reader', ['plugin::newsroom.read']);
    await app.request().get('/newsroom/excerpt/settings').set('Authorization', `Bearer ${reader}`).expect(200);
    await app.request()
      .put('/newsroom/excerpt/settings')
      .set('Authorization', `Bearer ${reader}`)
      .send({ maxLength: 100, suffix: '…' })
      .expect(403);
    await app.request().post('/newsroom/excerpt/regenerate').set('Authorization', `Bearer ${reader}`).expect(403);
  });

  it('previews the excerpt for a body, with its length and origin', async () => {
    const res = await app.request()
      .post('/newsroom/excerpt/preview')
      .set(auth())
      .send({ body: '<h2>Installation</h2><p>How to begin</p>', bodyFormat: 'html', settings: { maxLength: 15 } })
      .expect(200);
    expect(res.body.data).toMatchObject({ excerpt: `Installation${ELLIPSIS}`, source: 'generated', length: 14 });

    const custom = await app.request()
      .post('/newsroom/excerpt/preview')
      .set(auth())
      .send({ body: longBody, customExcerpt: ' Mine ' })
      .expect(200);
    expect(custom.body.data).toMatchObject({ excerpt: 'Mine', source: 'custom', length: 4 });
  });

  it('rejects bad settings with a clear 400', async () => {
    const res = await app.request().put('/newsroom/excerpt/settings').set(auth()).send({ maxLength: 0, suffix: '…' }).expect(400);
    expect(res.body.error.message).toMatch(/maxLength/);
    await app.request().put('/newsroom/excerpt/settings').set(auth()).send({ maxLength: 10, suffix: '…', extra: 1 }).expect(400);
    await app.request().post('/newsroom/excerpt/preview').set(auth()).send({ body: [], bodyFormat: 'pdf' }).expect(400);
  });

  describe('a body that does not fit its format', () => {
    const preview = (input: object) => app.request().post('/newsroom/excerpt/preview').set(auth()).send(input);
    const blocksMessage = (kind: string) =>
      `Invalid excerpt preview at "body": must be Strapi Blocks (an array of blocks) when bodyFormat is "blocks"; got ${kind}`;

    it.each([
      ['a string as blocks (the default format)', { body: 'Hello world' }, blocksMessage('a string')],
      ['a number', { body: 12 }, blocksMessage('a number')],
      ['a block not in an array', { body: paragraph('x') }, blocksMessage('an object')],
      ['blocks as Markdown', { body: longBody, bodyFormat: 'markdown' }, 'Invalid excerpt preview at "body": must be a string when bodyFormat is "markdown"; got an array'],
      ['a number as text', { body: 12, bodyFormat: 'text' }, 'Invalid excerpt preview at "body": must be a string when bodyFormat is "text"; got a number'],
      ['no body at all', {}, 'Invalid excerpt preview at "body": is required (null when there is none)'],
      ['a null block', { body: [null] }, 'Invalid excerpt preview at "body[0]": must be a node (an object with a "type"); got null'],
      ['a null inline node', { body: [{ type: 'paragraph', children: [null] }] }, 'Invalid excerpt preview at "body[0].children[0]": must be a node (an object with a "type"); got null'],
    ])('is a 400 naming the problem: %s', async (_name, input, message) => {
      const res = await preview(input).expect(400);
      expect(res.body).toEqual({ data: null, error: { status: 400, name: 'ValidationError', message, details: { errors: [expect.objectContaining({ path: expect.any(Array) })] } } });
    });

    // Each as Strapi's blocks editor may hold it; the preview answers what a save answers.
    const link = (url: string) => [{ type: 'paragraph', children: [text('See '), { type: 'link', url, children: [text('this')] }] }];
    it.each([
      ['no blocks', [], true],
      ['an emptied editor', null, true],
      ['an empty paragraph', [{ type: 'paragraph', children: [text('')] }], true],
      ['a link', link('https://example.org'), true],
      ['a link whose address is not typed yet', link(''), false],
      ['a block of an unknown type', [{ type: 'mystery', children: [text('x')] }], false],
      ['a paragraph without children', [{ type: 'paragraph', children: [] }], false],
      ['a heading without a level', [{ type: 'heading', children: [text('x')] }], false],
      ['a block without a type', [{ children: [text('x')] }], false],
    ])('Blocks: refused exactly when a save refuses them: %s', async (_name, body, valid) => {
      const res = await preview({ body });
      const saved = await articles()
        // Invalid on purpose, some of them: what Strapi's Blocks type forbids is what is tested.
        .create({ data: { title: `Saved ${_name}`, body: body as never } })
        .then(() => true, (error: Error) => (error.name === 'ValidationError' ? false : Promise.reject(error)));
      expect({ preview: res.status, saved }).toEqual({ preview: valid ? 200 : 400, saved: valid });
      if (!valid) expect(res.body.error.message).toMatch(/^Invalid excerpt preview at "body\[0\][^"]*": \S/);
    });
  });

  it('regenerates every excerpt, drafts and published versions, after a settings change', async () => {
    const article = await articles().create({ data: { title: 'To regenerate', body: longBody }, status: 'published' });

    const saved = await app.request().put('/newsroom/excerpt/settings').set(auth()).send({ maxLength: 30, suffix: ' [more]' }).expect(200);
    expect(saved.body.data).toEqual({ maxLength: 30, suffix: ' [more]' });

    const started = await app.request().post('/newsroom/excerpt/regenerate').set(auth()).expect(202);
    expect(started.body.data.status).toBe('running');

    let state = started.body.data;
    for (let i = 0; i < 100 && state.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await app.request().get('/newsroom/excerpt/regenerate').set(auth()).expect(200)).body.data;
    }
    expect(state.status).toBe('done');
    const rowCount = await app.strapi.db.query(UIDS.article).count();
    expect(state).toMatchObject({ done: rowCount, total: rowCount });

    const expected = excerptFromBody(longBody, 'blocks', { maxLength: 30, suffix: ' [more]' });
    const rows = await app.strapi.db.query(UIDS.article).findMany({ where: { documentId: article.documentId } });
    expect(rows).toHaveLength(2);
    expect(rows.map((row: { excerpt: string }) => row.excerpt)).toEqual([expected, expected]);

    await app.request().delete('/newsroom/excerpt/settings').set(auth()).expect(200);
  });

  it('refuses a second start while one runs, on any instance, and takes over a dead one', async () => {
    const jobs = app.service('jobs');
    const first = await jobs.claim('test-job', 10);
    expect(first).not.toBeNull();
    expect(await jobs.claim('test-job', 10)).toBeNull();

    // Its instance died: no heartbeat for longer than the stale limit.
    await app.strapi.db.query('plugin::newsroom.job').updateMany({
      where: { name: 'test-job' },
      data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const second = await jobs.claim('test-job', 10);
    expect(second).not.toBeNull();
    // The dead run's late progress no longer counts.
    await jobs.progress(first!, 7);
    expect((await jobs.get('test-job')).done).toBe(0);
    await jobs.finish(second!);
    expect((await jobs.get('test-job')).status).toBe('done');

    const running = await jobs.claim('excerpt-regeneration', 1);
    await app.request().post('/newsroom/excerpt/regenerate').set(auth()).expect(409);
    await jobs.finish(running!);
  });
});

describe('npm run excerpts:regenerate', () => {
  it('regenerates from the command line, on the same database, and reports the rows', async () => {
    const article = await articles().create({ data: { title: 'From the CLI', body: longBody }, status: 'published' });
    // Stale, as after a settings change made elsewhere.
    await app.strapi.db.query(UIDS.article).updateMany({ where: { documentId: article.documentId }, data: { excerpt: 'stale' } });
    const rowCount = await app.strapi.db.query(UIDS.article).count();

    const script = path.resolve(__dirname, '../../scripts/regenerate-excerpts.js');
    // stderr piped, as in CI or a log: progress as a plain line, not a bar's redrawing.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], { env: process.env, timeout: 120_000 });
    expect(stdout).toContain(`${rowCount} article rows read`);
    expect(stderr).toBe(`excerpts: ${rowCount}/${rowCount} articles, 100%\n`);

    const rows = await app.strapi.db.query(UIDS.article).findMany({ where: { documentId: article.documentId } });
    expect(rows.map((row: { excerpt: string }) => row.excerpt)).toEqual([
      excerptFromBody(longBody, 'blocks'),
      excerptFromBody(longBody, 'blocks'),
    ]);
  });
});
