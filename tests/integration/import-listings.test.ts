import { readFileSync } from 'node:fs';
import { excerptFromBody } from '../../src/plugins/newsroom/server/src/lib/excerpt';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import';
import { renderTagListing } from '../../src/plugins/newsroom/server/src/lib/render-tag-listing';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { SEED_FILE, rowCounts } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

const seed = parseTagListing(readFileSync(SEED_FILE, 'utf8'), { file: 'seed' });
const ELLIPSIS = '\u00A0\u2026';

const app = useTestApp({ imports: [SEED_FILE] });
const documents = app.documents;
const importText = (text: string, options: Record<string, unknown> = {}) =>
  app.importer().importDocument(text, { fileName: 'test.txt', ...options });
const articleTitled = (title: string, status: 'draft' | 'published' = 'published') =>
  documents(UIDS.article).findFirst({ filters: { title }, status, populate: ['tags', 'sources'] });
const names = (items?: Array<{ name?: string | null }> | null) => items!.map((item) => item.name).sort();

describe('matching articles already imported', () => {
  it('adds the second tag to an article listed under it, without a duplicate, keeping its publishedAt', async () => {
    const first = seed.items[1];
    const before = (await articleTitled(first.title))!;
    const listing = renderTagListing('Deir ez-Zor', [
      { title: 'A story only this tag has', excerpt: 'Fresh text, not truncated.' },
      { title: first.title, excerpt: first.excerpt! },
    ]);
    const summary = await importText(listing);
    expect(summary.articles).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(summary.tags.created).toEqual(['Deir ez-Zor']);
    expect(summary.items.map((item) => [item.line, item.action])).toEqual([
      [3, 'created'],
      [7, 'updated'],
    ]);
    expect(summary.items[1].documentId).toBe(before.documentId);

    const after = (await articleTitled(first.title))!;
    expect(names(after.tags)).toEqual(['Deir ez-Zor', 'US-led coalition']);
    expect(after.publishedAt).toEqual(before.publishedAt);
    expect(await documents(UIDS.article).count({ filters: { title: first.title } })).toBe(1);
    // The draft carries the tag as well.
    expect(names((await articleTitled(first.title, 'draft'))!.tags)).toEqual(['Deir ez-Zor', 'US-led coalition']);

    const again = await importText(listing);
    expect(again.articles).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('does not publish an editor\'s pending draft when it links a tag', async () => {
    const item = seed.items[2];
    const article = (await articleTitled(item.title))!;
    await documents(UIDS.article).update({ documentId: article.documentId, data: { title: 'Edited, not published yet' } });
    // Matched by importKey, not by its (now edited) draft title.
    const summary = await importText(renderTagListing('Lavrov', [{ title: item.title, excerpt: item.excerpt! }]));
    expect(summary.articles.updated).toBe(1);
    const published = await documents(UIDS.article).findOne({ documentId: article.documentId, status: 'published', populate: ['tags'] });
    expect(published!.title).toBe(item.title);
    expect(names(published!.tags)).toEqual(['Lavrov', 'US-led coalition']);
    const draft = await documents(UIDS.article).findOne({ documentId: article.documentId, populate: ['tags'] });
    expect(draft!.title).toBe('Edited, not published yet');
    expect(names(draft!.tags)).toEqual(['Lavrov', 'US-led coalition']);
  });

  it('finds tags by name whatever the case', async () => {
    const item = seed.items[3];
    const summary = await importText(renderTagListing('us-LED Coalition', [{ title: item.title, excerpt: item.excerpt! }]));
    expect(summary.tags.created).toEqual([]);
    expect(summary.articles).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await documents(UIDS.tag).count({ filters: { name: { $containsi: 'us-led coalition' } } })).toBe(1);
  });
});

describe('sources', () => {
  it('are found by name or alias, in any script, and created once', async () => {
    await documents(UIDS.source).create({ data: { name: 'The Daily Planet', aliases: ['Daily Planet Online'] } });
    const before = await documents(UIDS.source).count({});
    const summary = await importText(
      renderTagListing('Sources', [
        { title: 'Misspelt', excerpt: 'Last week, the Euphrate Post reported a strike.' },
        { title: 'Cyrillic', excerpt: 'Об этом сообщает ТАСС со ссылкой на источники.' },
        { title: 'Editor alias', excerpt: 'According to Daily Planet Online, the talks resumed.' },
        { title: 'New outlet', excerpt: 'The Kurdish Daily Tribune reported fighting near the border.' },
      ]),
    );
    expect(summary.items.map((item) => item.sources)).toEqual([
      ['Euphrates Post'],
      ['TASS'],
      ['The Daily Planet'],
      ['Kurdish Daily Tribune'],
    ]);
    expect(summary.sources.created).toEqual(['Kurdish Daily Tribune']);
    expect(await documents(UIDS.source).count({})).toBe(before + 1);
  });

  it('known outlets are created with their URL and aliases', async () => {
    const tass = await documents(UIDS.source).findFirst({ filters: { name: 'TASS' } });
    expect(tass).toMatchObject({ url: 'https://tass.com', slug: 'tass' });
    expect(tass!.aliases).toEqual(expect.arrayContaining(['ТАСС']));
  });
});

describe('listing items', () => {
  it('not truncated: the text is the body and the excerpt is generated from it', async () => {
    const text = 'One paragraph.\n\nAnd a second one, with a\u00A0no-break space.';
    await importText(renderTagListing('Short', [{ title: 'Whole article', excerpt: text }]));
    const article = (await articleTitled('Whole article'))!;
    expect(article.customExcerpt).toBeNull();
    expect(article.excerpt).toBe(excerptFromBody(article.body, 'blocks'));
    expect(article.excerpt).toBe(text);
  });

  it('truncated: the listed excerpt is served as written', async () => {
    const excerpt = `Cut here${ELLIPSIS}`;
    await importText(renderTagListing('Short', [{ title: 'Truncated article', excerpt }]));
    const article = (await articleTitled('Truncated article'))!;
    expect(article.customExcerpt).toBe(excerpt);
    expect(article.excerpt).toBe(excerpt);
    expect(article.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Cut here' }] }]);
  });

  it('are published one second apart, newest first, in document order', async () => {
    const startedAt = Date.now();
    const items = ['First', 'Second', 'Third'].map((title) => ({ title: `${title} in order`, excerpt: `${title} text.` }));
    await importText(renderTagListing('Ordered', items));
    const dates = await Promise.all(items.map(async (item) => new Date((await articleTitled(item.title))!.publishedAt!).getTime()));
    expect(dates[0] - dates[1]).toBe(1000);
    expect(dates[1] - dates[2]).toBe(1000);
    expect(Math.abs(dates[0] - startedAt)).toBeLessThan(5000);
  });
});

describe('options', () => {
  it('--draft imports new articles as drafts only', async () => {
    const summary = await importText(renderTagListing('Drafts', [{ title: 'Only a draft', excerpt: 'Not public.' }]), { draft: true });
    expect(summary.articles.created).toBe(1);
    expect(await articleTitled('Only a draft')).toBeNull();
    expect(await articleTitled('Only a draft', 'draft')).not.toBeNull();
    const res = await app.request().get('/api/articles').query({ 'filters[title][$eq]': 'Only a draft' }).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await rowCounts(app);
    const listing = renderTagListing('Dry tag', [
      { title: 'Would be new', excerpt: 'According to Reuters, nothing happened. The Dry Run Gazette reported the same.' },
      { title: seed.items[0].title, excerpt: seed.items[0].excerpt! },
    ]);
    const summary = await importText(listing, { dryRun: true });
    expect(summary).toMatchObject({
      dryRun: true,
      articles: { created: 1, updated: 1, unchanged: 0 },
      tags: { created: ['Dry tag'] },
      sources: { created: ['Dry Run Gazette'] },
    });
    expect(await rowCounts(app)).toEqual(before);
    expect(await documents(UIDS.tag).count({ filters: { name: 'Dry tag' } })).toBe(0);
  });
});
