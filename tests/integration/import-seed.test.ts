/* eslint-disable @typescript-eslint/no-explicit-any -- entries and raw rows read back loosely, compared whole */
import { readFileSync } from 'node:fs';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import';
import { renderTagListing, type ListedItem } from '../../src/plugins/newsroom/server/src/lib/render-tag-listing';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { SEED_FILE, rowCounts } from '../helpers/import';
import { SEED_SOURCES } from '../helpers/seed-sources';
import { useTestApp } from '../helpers/test-app';

const seedText = readFileSync(SEED_FILE, 'utf8');
const listing = parseTagListing(seedText, { file: 'seed' });
const TAG_NAME = 'US-led coalition';
const app = useTestApp({ seed: true });

const tagArticles = async () => {
  const tag = await app.documents(UIDS.tag).findFirst({ filters: { name: TAG_NAME } });
  const articles = await app.documents(UIDS.article).findMany({
    status: 'published',
    filters: { tags: { documentId: tag!.documentId } },
    sort: 'publishedAt:desc',
    populate: { sources: { fields: ['name'] }, tags: { fields: ['name'] } },
  });
  return { tag: tag!, articles };
};
/** The articles as the listing renderer takes them (the seed's all have a title and an excerpt). */
const listed = (articles: Array<{ title?: string | null; excerpt?: string | null }>): ListedItem[] =>
  articles.map((article) => ({ title: article.title!, excerpt: article.excerpt! }));

describe('the seed document, imported on first start', () => {
  it('gives 10 published articles under the tag, newest first in document order, with their sources', async () => {
    const { articles } = await tagArticles();
    expect(articles.map((a) => a.title)).toEqual(listing.items.map((item) => item.title));
    expect(articles.map((a) => a.sources!.map((s) => s.name))).toEqual(SEED_SOURCES);
    expect(articles.every((a) => a.tags!.length === 1 && a.tags![0].name === TAG_NAME)).toBe(true);
    expect(await app.documents(UIDS.article).count({ status: 'draft' })).toBe(10);
  });

  it('serves each excerpt byte for byte as listed, so the tag page renders back the seed file', async () => {
    const { tag, articles } = await tagArticles();
    articles.forEach((article, i) => expect(article.excerpt).toBe(listing.items[i].excerpt));
    expect(renderTagListing(tag.name!, listed(articles))).toBe(seedText);

    const res = await app.request()
      .get('/api/articles')
      .query({ 'filters[tags][slug][$eq]': tag.slug, sort: 'publishedAt:desc', 'fields[0]': 'title', 'fields[1]': 'excerpt' })
      .expect(200);
    expect(renderTagListing(TAG_NAME, res.body.data)).toBe(seedText);
  });

  it('stores the listed text, without the ellipsis, as the body', async () => {
    const { articles } = await tagArticles();
    const paragraphs = (article: any) => article.body.map((block: any) => block.children.map((c: any) => c.text).join(''));
    articles.forEach((article, i) => expect(paragraphs(article).join('\n\n')).toBe(listing.items[i].text));
  });

  it('keeps the listed excerpts through an excerpt regeneration with other settings', async () => {
    const settings = app.service('excerpt-settings');
    await settings.set({ maxLength: 100, suffix: '…' });
    try {
      await app.service('excerpt-regeneration').run();
      const { tag, articles } = await tagArticles();
      expect(renderTagListing(tag.name!, listed(articles))).toBe(seedText);
    } finally {
      await settings.reset();
    }
  });

  it('changes nothing when the seed document is imported again', async () => {
    const before = await rowCounts(app);
    const summary = await app.importer().importFile(SEED_FILE);
    expect(summary.articles).toEqual({ created: 0, updated: 0, unchanged: 10 });
    expect(summary.tags.created).toEqual([]);
    expect(summary.sources.created).toEqual([]);
    expect(await rowCounts(app)).toEqual(before);
  });

  it('is remembered: deleting the articles does not bring them back at the next start', async () => {
    const articles = app.documents(UIDS.article);
    for (const article of await articles.findMany({})) await articles.delete({ documentId: article.documentId });
    expect(await app.service('document-seed').seedOnce()).toBeNull();
    expect(await articles.count({})).toBe(0);
  });

  it('never seeds a database that already has articles', async () => {
    await app.strapi.store({ type: 'plugin', name: 'newsroom', key: 'seed' }).delete({});
    await app.documents(UIDS.article).create({ data: { title: 'Already here' } });
    expect(await app.service('document-seed').seedOnce()).toBeNull();
    expect(await app.documents(UIDS.article).count({})).toBe(1);
    expect(await app.strapi.store({ type: 'plugin', name: 'newsroom', key: 'seed' }).get({})).toMatchObject({ files: [] });
  });
});
