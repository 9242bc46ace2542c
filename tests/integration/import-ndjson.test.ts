/* eslint-disable @typescript-eslint/no-explicit-any -- entries and raw rows read back loosely, compared whole */
import { excerptFromBody } from '../../src/plugins/newsroom/server/src/lib/excerpt';
import { DocumentError } from '../../src/plugins/newsroom/server/src/lib/import';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraph } from '../helpers/blocks';
import { ndjson, rowCounts } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

const app = useTestApp();
const documents = app.documents;
const importNdjson = (text: string, options: Record<string, unknown> = {}) =>
  app.importer().importDocument(text, { fileName: 'test.ndjson', ...options });
const published = (title: string) =>
  documents(UIDS.article).findFirst({ filters: { title }, status: 'published', populate: ['tags', 'sources'] }) as Promise<any>;
const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const textOf = (blocks: any[]) => blocks.map((block) => block.children.map((child: any) => child.text).join('')).join('\n\n');

describe('NDJSON bodies', () => {
  const long = words(120, 'word');
  const bodies = {
    text: { bodyFormat: 'text', body: `${long}\nwrapped line.\n\nSecond  paragraph.` },
    markdown: { bodyFormat: 'markdown', body: `# Heading\n\n**${long}** and [a link](https://example.org).\n\n- one\n- two` },
    html: { bodyFormat: 'html', body: `<h2>Installation</h2><p>How to begin: ${long}</p><ul><li>one</li><li>two</li></ul>` },
    blocks: { bodyFormat: 'blocks', body: [paragraph(long), { type: 'heading', level: 2, children: [{ type: 'text', text: 'Later' }] }] },
  } as const;

  it.each(Object.entries(bodies))('%s: stored as Blocks; the excerpt is the engine\'s, from the body as written, and survives regeneration', async (format, line) => {
    const title = `Format ${format}`;
    const summary = await importNdjson(ndjson([{ title, ...line, tags: ['Formats'] }]));
    expect(summary.articles.created).toBe(1);
    const article = await published(title);
    expect(Array.isArray(article.body)).toBe(true);
    expect(article.excerpt).toBe(excerptFromBody(line.body, line.bodyFormat));
    // What excerpt regeneration computes from the stored Blocks.
    expect(await app.strapi.plugin('newsroom').service('excerpts').compute({ body: article.body })).toBe(article.excerpt);
    if (format === 'blocks') expect(article.body).toEqual(line.body);
  });

  it('keeps the text of a plain-text body, as paragraphs, its wrapped lines joined', async () => {
    const article = await published('Format text');
    expect(textOf(article.body)).toBe(`${long} wrapped line.\n\nSecond paragraph.`);
  });

  it('keeps a custom excerpt as written', async () => {
    await importNdjson(ndjson([{ title: 'Custom excerpt', body: long, customExcerpt: '  Mine.  ' }]));
    const article = await published('Custom excerpt');
    expect(article.customExcerpt).toBe('  Mine.  ');
    expect(article.excerpt).toBe('Mine.');
  });

  it('refuses Blocks Strapi would refuse, naming the line and the node', async () => {
    const before = await rowCounts(app);
    const bad = ndjson([
      { title: 'Fine', body: 'Fine.' },
      { title: 'Broken', body: [{ type: 'paragraph', children: [{ type: 'bogus' }] }] },
    ]);
    await expect(importNdjson(bad)).rejects.toThrow(new DocumentError('test.ndjson', 2, '"body[0].children[0]" Inline node must be Text or Link'));
    expect(await rowCounts(app)).toEqual(before);
  });

  it('refuses a null node, on which Strapi\'s own validator would throw a TypeError', async () => {
    const before = await rowCounts(app);
    const bad = ndjson([{ title: 'Null node', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }, null] }] }]);
    await expect(importNdjson(bad)).rejects.toThrow(new DocumentError('test.ndjson', 1, '"body[0].children[1]" must be a node (an object with a "type"); got null'));
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('NDJSON fields', () => {
  it('take publishedAt from the line, or one second apart from the import start, and draft: true', async () => {
    await importNdjson(
      ndjson([
        { title: 'Dated', body: 'Dated.', publishedAt: '2018-02-07T10:00:00Z' },
        { title: 'Day only', body: 'Day only.', publishedAt: '2018-02-06' },
        { title: 'Undated one', body: 'One.' },
        { title: 'Undated two', body: 'Two.' },
        { title: 'Draft line', body: 'Draft.', draft: true },
      ]),
    );
    expect((await published('Dated')).publishedAt).toEqual(new Date('2018-02-07T10:00:00Z').toISOString());
    expect((await published('Day only')).publishedAt).toEqual(new Date('2018-02-06T00:00:00Z').toISOString());
    const one = new Date((await published('Undated one')).publishedAt).getTime();
    const two = new Date((await published('Undated two')).publishedAt).getTime();
    expect(one - two).toBe(1000);
    expect(await published('Draft line')).toBeNull();
    expect(await documents(UIDS.article).findFirst({ filters: { title: 'Draft line' } })).not.toBeNull();
  });

  it('link tags and sources by name, case-insensitively and by alias', async () => {
    await documents(UIDS.tag).create({ data: { name: 'Syria' } });
    const summary = await importNdjson(ndjson([{ title: 'Linked', body: 'Linked.', tags: ['SYRIA', 'New tag', 'new TAG'], sources: ['ТАСС', 'TASS', 'Local Radio'] }]));
    expect(summary.tags.created).toEqual(['New tag']);
    expect(summary.sources.created).toEqual(['TASS', 'Local Radio']);
    const article = await published('Linked');
    expect(article.tags.map((t: any) => t.name)).toEqual(['Syria', 'New tag']);
    expect(article.sources.map((s: any) => s.name)).toEqual(['TASS', 'Local Radio']);
    expect((await documents(UIDS.source).findFirst({ filters: { name: 'TASS' } }))!.url).toBe('https://tass.com');
  });

  it('create the new tags and sources of many articles together: once each, as first named, in that order, one retired slug freed', async () => {
    const old = await documents(UIDS.tag).create({ data: { name: 'Batch old' } });
    await documents(UIDS.tag).delete({ documentId: old.documentId });
    const history = app.strapi.plugin('newsroom').service('slug-history');
    expect(await history.existing('tag', ['batch-old'])).toHaveLength(1);
    const summary = await importNdjson(ndjson([
      { title: 'Batch one', body: 'One.', tags: ['Batch Café', 'Batch beta'], sources: ['Коммерсантъ'] },
      { title: 'Batch two', body: 'Two.', tags: ['batch BETA', 'Batch Cafe', 'Batch old'], sources: ['Kommersant', 'Batch radio'] },
    ]));
    expect(summary.tags.created).toEqual(['Batch Café', 'Batch beta', 'Batch Cafe', 'Batch old']);
    expect(summary.sources.created).toEqual(['Kommersant', 'Batch radio']);
    const tags = await app.strapi.db.query(UIDS.tag).findMany({ where: { name: { $startsWith: 'Batch' } }, orderBy: { id: 'asc' } });
    expect(tags.map((t: any) => [t.name, t.slug])).toEqual([
      ['Batch Café', 'batch-cafe'],
      ['Batch beta', 'batch-beta'],
      ['Batch Cafe', 'batch-cafe-2'],
      ['Batch old', 'batch-old'],
    ]);
    expect((await published('Batch two')).tags.map((t: any) => t.name)).toEqual(['Batch beta', 'Batch Cafe', 'Batch old']);
    expect((await published('Batch two')).sources.map((s: any) => s.name)).toEqual(['Kommersant', 'Batch radio']);
    // The new tag answers at the slug the deleted one left, the redirect is gone, and the names index finds every new tag.
    expect(await history.existing('tag', ['batch-old'])).toEqual([]);
    const found = await app.strapi.plugin('newsroom').service('term-names').findByName('tag', ['batch cafe', 'BATCH OLD']);
    expect([...found.values()].flat().length).toBeGreaterThanOrEqual(2);
  });

  it('use the slug given, refuse one taken, and number a title seen before', async () => {
    await importNdjson(ndjson([{ title: 'Slugged', body: 'Slugged.', slug: 'my-own-slug' }]));
    expect((await published('Slugged')).slug).toBe('my-own-slug');
    await expect(importNdjson(ndjson([{ title: 'Other', body: 'Other.', slug: 'my-own-slug' }]))).rejects.toThrow(
      'test.ndjson:1: slug "my-own-slug" is already used by another article',
    );
    await importNdjson(ndjson([{ title: 'Same title', body: 'First text.' }, { title: 'Same title', body: 'Second text.' }]));
    const slugs = (await documents(UIDS.article).findMany({ filters: { title: 'Same title' } })).map((a: any) => a.slug).sort();
    expect(slugs).toEqual(['same-title', 'same-title-2']);
  });

  it('treat the same article twice as one, merging its tags; a second import changes nothing', async () => {
    const lines = ndjson([
      { title: 'Twice', body: 'Same text.', tags: ['A'] },
      { title: 'Twice', body: 'Same  text.', tags: ['B'] },
      { title: 'Twice', body: 'Same text.', tags: ['A'] },
    ]);
    const summary = await importNdjson(lines);
    expect(summary.items.map((item) => item.action)).toEqual(['created', 'updated', 'unchanged']);
    expect(new Set(summary.items.map((item) => item.documentId)).size).toBe(1);
    expect((await published('Twice')).tags.map((t: any) => t.name)).toEqual(['A', 'B']);
    expect((await importNdjson(lines)).articles).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('list at most maxItems items, counting the rest', async () => {
    const lines = ndjson(Array.from({ length: 5 }, (_, i) => ({ title: `Capped ${i}`, body: `Capped ${i}.` })));
    const summary = await importNdjson(lines, { maxItems: 2 });
    expect(summary.items).toHaveLength(2);
    expect(summary.itemsOmitted).toBe(3);
    expect(summary.articles.created).toBe(5);
  });
});

describe('the bulk write path', () => {
  // Everything but what tells two documents apart.
  const comparable = ({ id, documentId, title, slug, importKey, createdAt, updatedAt, publishedAt, ...rest }: any) => ({
    ...rest,
    tags: rest.tags?.map(({ id: _id, createdAt: _c, updatedAt: _u, publishedAt: _p, ...tag }: any) => tag),
    sources: rest.sources?.map(({ id: _id, createdAt: _c, updatedAt: _u, publishedAt: _p, ...source }: any) => source),
  });

  it('writes what the Document Service writes: read back through it and through REST alike', async () => {
    await documents(UIDS.tag).create({ data: { name: 'Equal' } });
    await documents(UIDS.tag).create({ data: { name: 'Twin' } });
    const source = await documents(UIDS.source).create({ data: { name: 'Equal Source', aliases: ['ES'] } });
    const tags = await documents(UIDS.tag).findMany({ filters: { name: { $in: ['Twin', 'Equal'] } } });
    const ordered = ['Twin', 'Equal'].map((name) => tags.find((tag: any) => tag.name === name)!.documentId);
    const body = [paragraph(words(150, 'same')), paragraph('Second paragraph.')];

    const viaService = await documents(UIDS.article).create({
      // `connect`, as the Content Manager sends relations (a plain array numbers links from 1, connect from 0).
      data: { title: 'Via the Document Service', body, customExcerpt: null, tags: { connect: ordered }, sources: { connect: [source.documentId] } },
      status: 'published',
    });
    await importNdjson(ndjson([{ title: 'Via the importer', body, tags: ['Twin', 'Equal'], sources: ['Equal Source'] }]));
    const viaImport = await published('Via the importer');

    for (const status of ['draft', 'published'] as const) {
      const read = (documentId: string) => documents(UIDS.article).findOne({ documentId, status, populate: ['tags', 'sources'] });
      expect(comparable(await read(viaImport.documentId))).toEqual(comparable(await read(viaService.documentId)));
    }

    const rest = async (documentId: string) =>
      (await app.request().get(`/api/articles/${documentId}`).query({ populate: '*' }).expect(200)).body.data;
    expect(comparable(await rest(viaImport.documentId))).toEqual(comparable(await rest(viaService.documentId)));

    // Rows and link rows: a draft and a published row, each linked in the order given,
    // sharing one position on each tag's side; and a row each in the tag-page index.
    const rows = async (documentId: string) => {
      const articleRows = await app.strapi.db.query(UIDS.article).findMany({
        where: { documentId },
        select: ['id', 'publishedAt', 'excerpt', 'customExcerpt', 'body'],
        orderBy: { id: 'asc' },
      });
      const links = await app.strapi.db
        .connection('articles_tags_lnk')
        .whereIn('article_id', articleRows.map((row: any) => row.id))
        .orderBy(['article_id', 'tag_ord']);
      const indexed = await app.strapi.db.connection(TABLES.tagArticles).where({ document_id: documentId });
      return {
        rows: articleRows.map(({ id: _id, publishedAt, ...row }: any) => ({ ...row, published: publishedAt !== null })),
        links: links.map((link: any) => ({ draft: link.article_id === articleRows[0].id, tag: link.tag_id, order: link.tag_ord })),
        sharedInverseOrder: new Set(links.map((link: any) => `${link.tag_id}:${link.article_ord}`)).size === links.length / 2,
        indexed: indexed.length,
      };
    };
    expect(await rows(viaImport.documentId)).toEqual(await rows(viaService.documentId));
  });
});
