import { ARTICLE_RELATION_LIMITS } from '../../src/plugins/newsroom/server/src/lib/article-relations';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { isDocumentError, ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * What a public request may populate per article is bounded by what an
 * article may store: at most ARTICLE_RELATION_LIMITS tags and sources,
 * whoever writes it. A refused write leaves nothing behind.
 */

const LIMIT = ARTICLE_RELATION_LIMITS.tags;
const app = useTestApp();
let tagIds: string[];

beforeAll(async () => {
  tagIds = [];
  for (let i = 0; i <= LIMIT + 10; i += 1) {
    tagIds.push((await app.documents(UIDS.tag).create({ data: { name: `Limit tag ${i}` } })).documentId);
  }
});

const articles = () => app.documents(UIDS.article);
const count = () => app.strapi.db.query(UIDS.article).count({});
const body = paragraphs('Bounded.');

describe('tags per article, through the Document Service', () => {
  it('refuses a create over the limit with a ValidationError naming the relation, writing nothing', async () => {
    const before = await count();
    await expect(articles().create({ data: { title: 'Too many tags', body, tags: tagIds.slice(0, LIMIT + 1) } })).rejects.toMatchObject({
      name: 'ValidationError',
      message: `tags: an article may have at most ${LIMIT} tags, this one would have ${LIMIT + 1}`,
    });
    expect(await count()).toBe(before);
  });

  it('takes the limit, and refuses an update that connects one more, keeping the article as it was', async () => {
    const article = await articles().create({ data: { title: 'Exactly enough tags', body, tags: tagIds.slice(0, LIMIT) } });
    await expect(
      articles().update({ documentId: article.documentId, data: { title: 'Renamed', tags: { connect: [tagIds[LIMIT]] } } }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const stored = await articles().findOne({ documentId: article.documentId, populate: { tags: { fields: ['name'] } } });
    expect(stored).toMatchObject({ title: 'Exactly enough tags' });
    expect(stored!.tags).toHaveLength(LIMIT);
  });
});

describe('tags per article, through the importer', () => {
  const names = (from: number, n: number) => Array.from({ length: n }, (_, i) => `Imported limit tag ${from + i}`);

  it('refuses an NDJSON line listing too many, naming its line', async () => {
    const before = await count();
    const text = ndjson([
      { title: 'Fine', body: 'Fine.', bodyFormat: 'text', tags: names(0, 3) },
      { title: 'Crowded', body: 'Crowded.', bodyFormat: 'text', tags: names(0, LIMIT + 1) },
    ]);
    const error = await app.importer().importDocument(text, { fileName: 'crowded.ndjson' }).catch((e: unknown) => e);
    expect(isDocumentError(error)).toBe(true);
    expect(error).toMatchObject({ file: 'crowded.ndjson', line: 2 });
    expect((error as Error).message).toMatch(new RegExp(`tags.*at most ${LIMIT} tags`));
    expect(await count()).toBe(before);
  });

  it('refuses to link an article found again past the limit', async () => {
    const line = (tags: string[]) => ndjson([{ title: 'Found again', body: 'Same text.', bodyFormat: 'text', tags }]);
    await app.importer().importDocument(line(names(100, LIMIT - 5)), { fileName: 'first.ndjson' });
    const error = await app.importer().importDocument(line(names(200, 10)), { fileName: 'again.ndjson' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'again.ndjson', line: 1, problem: `an article may have at most ${LIMIT} tags, this one would have ${LIMIT + 5}` });
    const [stored] = await articles().findMany({ filters: { title: 'Found again' }, populate: { tags: { fields: ['name'] } } });
    expect(stored.tags).toHaveLength(LIMIT - 5);
  });
});
