import fc from 'fast-check';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { articleJoinTable, columnName, tableName } from '../../src/plugins/newsroom/server/src/utils/metadata';
import { paragraphs } from '../helpers/blocks';
import { ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

// Related tags are read from a co-occurrence table that every writer keeps in
// step (database/term-pairs.ts): after each kind of write, the table and the
// public answers must equal a brute-force count over the articles' own links.

const app = useTestApp({ listen: true });
const tags = () => app.documents(UIDS.tag);
const articles = () => app.documents(UIDS.article);
const ids: Record<string, string> = {};

type Pair = { tag: string; other: string; shared: number };
const byPair = (a: Pair, b: Pair) => `${a.tag} ${a.other}`.localeCompare(`${b.tag} ${b.other}`);

/** Per (tag, other tag): the published articles linked to both, counted from Strapi's link table. */
async function bruteForce(): Promise<Pair[]> {
  const knex = app.strapi.db.connection;
  const link = articleJoinTable(app.strapi, 'tags');
  const [article, tag] = [link.joinColumn.name, link.inverseJoinColumn.name];
  const rows: Array<{ article: number; slug: string }> = await knex(`${link.name} as l`)
    .join(`${tableName(app.strapi, UIDS.article)} as a`, 'a.id', `l.${article}`)
    .join(`${tableName(app.strapi, UIDS.tag)} as t`, 't.id', `l.${tag}`)
    .whereNotNull(`a.${columnName(app.strapi, UIDS.article, 'publishedAt')}`)
    .select({ article: `l.${article}`, slug: 't.slug' });
  const tagsOf = new Map<number, string[]>();
  for (const row of rows) tagsOf.set(row.article, [...(tagsOf.get(row.article) ?? []), row.slug]);
  const counts = new Map<string, number>();
  for (const slugs of tagsOf.values()) {
    for (const a of slugs) for (const b of slugs) if (a !== b) counts.set(`${a} ${b}`, (counts.get(`${a} ${b}`) ?? 0) + 1);
  }
  return [...counts].map(([key, shared]) => ({ tag: key.split(' ')[0], other: key.split(' ')[1], shared })).sort(byPair);
}

async function stored(): Promise<Pair[]> {
  const rows: Array<{ tag: string; other: string; shared: number | string }> = await app.strapi.db
    .connection(`${TABLES.tagPairs} as p`)
    .join('tags as a', 'a.id', 'p.term_id')
    .join('tags as b', 'b.id', 'p.other_id')
    .select({ tag: 'a.slug', other: 'b.slug', shared: 'p.shared' });
  return rows.map((row) => ({ ...row, shared: Number(row.shared) })).sort(byPair);
}

/** The table equals the brute force, and so does every tag's public answer, in rank order. */
async function expectExact(): Promise<void> {
  const expected = await bruteForce();
  expect(await stored()).toEqual(expected);
  const slugs = (await app.strapi.db.connection('tags').pluck('slug')) as string[];
  for (const slug of slugs) {
    const res = await app.get(`/api/newsroom/tags/${slug}/related?limit=50`).expect(200);
    const ranked = expected
      .filter((pair) => pair.tag === slug)
      .sort((a, b) => b.shared - a.shared)
      .map((pair) => ({ slug: pair.other, sharedArticles: pair.shared }));
    const answered = res.body.data.map((row: { slug: string; sharedArticles: number }) => ({ slug: row.slug, sharedArticles: row.sharedArticles }));
    // Ties are ordered by tag id: compare the counts in order, and the sets.
    expect(answered.map((row: { sharedArticles: number }) => row.sharedArticles)).toEqual(ranked.map((row) => row.sharedArticles));
    expect([...answered].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([...ranked].sort((a, b) => a.slug.localeCompare(b.slug)));
  }
}

const article = (title: string, tagIds: string[], status?: 'published') =>
  articles().create({ data: { title, body: paragraphs(`${title}. `.repeat(5)), tags: tagIds }, ...(status ? { status } : {}) });

beforeAll(async () => {
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) ids[name] = (await tags().create({ data: { name } })).documentId;
});

describe('the co-occurrence table', () => {
  it('follows creates, publishes, moves between tags, unpublishes and deletes', async () => {
    ids.one = (await article('One', [ids.Alpha, ids.Beta], 'published')).documentId;
    ids.two = (await article('Two', [ids.Alpha, ids.Beta, ids.Gamma], 'published')).documentId;
    ids.three = (await article('Three', [ids.Alpha, ids.Delta])).documentId;
    await expectExact();
    expect((await stored()).some((pair) => pair.tag === 'delta')).toBe(false);

    await articles().publish({ documentId: ids.three });
    await expectExact();

    await articles().update({ documentId: ids.two, data: { tags: [ids.Alpha, ids.Delta] } });
    await articles().publish({ documentId: ids.two });
    await expectExact();
    expect((await stored()).some((pair) => pair.tag === 'gamma')).toBe(false);

    await articles().unpublish({ documentId: ids.one });
    await expectExact();
    await articles().publish({ documentId: ids.one });
    await articles().delete({ documentId: ids.two });
    await expectExact();
  });

  it('follows edits from the tag side and tag deletes', async () => {
    await tags().update({ documentId: ids.Epsilon, data: { articles: [ids.one, ids.three] } });
    await expectExact();
    expect((await stored()).filter((pair) => pair.tag === 'epsilon').length).toBeGreaterThan(0);
    await tags().delete({ documentId: ids.Delta });
    await expectExact();
    expect((await stored()).some((pair) => pair.other === 'delta')).toBe(false);
  });

  it('follows a merge and an import', async () => {
    const token = await app.superAdminToken();
    await app.request().post('/newsroom/tags/merge').set('Authorization', `Bearer ${token}`).send({ from: ['beta'], into: 'epsilon' }).expect(200);
    await expectExact();

    await app.importer().importDocument(
      ndjson([
        { title: 'Imported one', body: 'Text.', bodyFormat: 'text', tags: ['Alpha', 'Gamma', 'Zeta'] },
        { title: 'Imported two', body: 'Text.', bodyFormat: 'text', tags: ['Gamma', 'Zeta'] },
        { title: 'Imported draft', body: 'Text.', bodyFormat: 'text', tags: ['Gamma', 'Alpha'], draft: true },
      ]),
      { fileName: 'related.ndjson' },
    );
    await expectExact();
    // Found again with one more tag: its pairs grow, the others stay.
    await app.importer().importDocument(ndjson([{ title: 'Imported two', body: 'Text.', bodyFormat: 'text', tags: ['Gamma', 'Zeta', 'Alpha'] }]), { fileName: 'again.ndjson' });
    await expectExact();
  });

  it('stays exact through any sequence of article writes', async () => {
    const names = ['Alpha', 'Gamma', 'Epsilon', 'Zeta'];
    const tagIds = async () => Object.fromEntries((await tags().findMany({ fields: ['name'] })).map((tag) => [tag.name, tag.documentId]));
    const known = await tagIds();
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), tags: fc.subarray(names), publish: fc.boolean() }),
      fc.record({ kind: fc.constant('retag' as const), pick: fc.nat(), tags: fc.subarray(names), publish: fc.boolean() }),
      fc.record({ kind: fc.constant('unpublish' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const step of ops) {
          const existing = (await articles().findMany({ fields: ['title'] })).map((a) => a.documentId);
          const target = 'pick' in step && existing.length > 0 ? existing[step.pick % existing.length] : null;
          if (step.kind === 'create') {
            await article(`Random ${(n += 1)}`, step.tags.map((name) => known[name]), step.publish ? 'published' : undefined);
          } else if (target && step.kind === 'retag') {
            await articles().update({ documentId: target, data: { tags: step.tags.map((name) => known[name]) } });
            if (step.publish) await articles().publish({ documentId: target });
          } else if (target && step.kind === 'unpublish') {
            await articles().unpublish({ documentId: target });
          } else if (target && step.kind === 'delete') {
            await articles().delete({ documentId: target });
          }
        }
        await expectExact();
      }),
      { numRuns: 6 },
    );
  });

  it('is recomputed by a rebuild', async () => {
    const before = await stored();
    await app.strapi.db.connection(TABLES.tagPairs).delete();
    await app.strapi.db.connection(TABLES.tagPairs).insert({ term_id: 999_999, other_id: 1, shared: 5 });
    await app.service('term-page-index').rebuild();
    expect(await stored()).toEqual(before);
    expect(await app.strapi.db.connection(TABLES.tagPairs).where('term_id', 999_999).first()).toBeUndefined();
    await expectExact();
  });
});
