import type { Knex } from 'knex';
import { storableData } from '../../src/plugins/newsroom/server/src/lib/content-rules';
import { bodyText, importKey } from '../../src/plugins/newsroom/server/src/lib/import';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { useTestApp, type TestAppHandle } from '../helpers/test-app';

// The same articles written by the two writers, the Document Service (as the
// Content Manager and REST write) and the bulk importer, must store the same
// rows: every column of articles, tags and sources, every link row with its
// order columns, and the term-page indexes of tags and sources. Only what a writer cannot choose is
// compared by shape instead of value: ids and documentIds (compared as which
// rows share them) and timestamps (set, or null).

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const long = 'The committee met for the third time this week. '.repeat(30).trim();

interface Fixture {
  title: string;
  body: unknown[];
  tags: string[];
  sources: string[];
  customExcerpt?: string;
  byline?: string;
  draft?: boolean;
}

const FIXTURES: Fixture[] = [
  { title: 'Markets steady after the vote', body: [paragraph('Stocks closed flat.')], tags: ['Economy', 'Elections'], sources: ['Example Wire'] },
  { title: 'Markets steady after the vote', body: [paragraph('A second story, same title.')], tags: ['Economy'], sources: [] },
  { title: 'Долгий день в парламенте', body: [paragraph(long), paragraph('Second paragraph.')], tags: ['Elections', 'Parliament'], sources: ['Northern Desk', 'Example Wire'] },
  { title: 'Editor’s pick: a quiet week', body: [paragraph('Nothing\u0000 happened.')], tags: ['Economy'], sources: [], customExcerpt: 'Chosen by the editor.', byline: 'Ada\u0000 Reporter' },
  { title: 'Draft: the budget leaks', body: [paragraph('Not out yet.')], tags: ['Economy', 'Budget'], sources: ['Northern Desk'], draft: true },
  { title: '速報', body: [{ type: 'heading', level: 2, children: [{ type: 'text', text: 'Heading' }] }, paragraph('Body.')], tags: [], sources: [] },
];

type Row = Record<string, unknown>;

const app = useTestApp();

function tablesOf(app: TestAppHandle) {
  const { metadata } = app.strapi.db;
  const join = (attribute: 'tags' | 'sources') =>
    (metadata.get(UIDS.article).attributes[attribute] as unknown as { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }).joinTable;
  return {
    articles: metadata.get(UIDS.article).tableName,
    tags: metadata.get(UIDS.tag).tableName,
    sources: metadata.get(UIDS.source).tableName,
    tagLinks: join('tags'),
    sourceLinks: join('sources'),
  };
}

/** Columns a writer cannot choose: compared by shape. */
const isTimestamp = (column: string) => column.endsWith('_at');
const IDENTITY = new Set(['id', 'document_id']);

function plain(row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (IDENTITY.has(column)) continue;
    if (isTimestamp(column)) out[column] = value === null ? null : 'set';
    else if (typeof value === 'string' && /^[[{]/.test(value)) out[column] = JSON.parse(value); // json columns (SQLite: text)
    else out[column] = value;
  }
  return out;
}

/** Everything the writers stored, keyed by what both choose alike (import keys, slugs). */
async function snapshot() {
  const knex: Knex = app.strapi.db.connection;
  const t = tablesOf(app);
  const articles: Row[] = await knex(t.articles).orderBy('id');
  const tags: Row[] = await knex(t.tags).orderBy('id');
  const sources: Row[] = await knex(t.sources).orderBy('id');
  const keyOf = new Map(articles.map((row) => [row.id, `${row.import_key}/${row.published_at ? 'published' : 'draft'}`]));
  const tagSlug = new Map(tags.map((row) => [row.id, row.slug]));
  const sourceSlug = new Map(sources.map((row) => [row.id, row.slug]));
  const links = async (join: ReturnType<typeof tablesOf>['tagLinks'], slugOf: Map<unknown, unknown>) =>
    ((await knex(join.name)) as Row[])
      .map((row) => {
        const { [join.joinColumn.name]: article, [join.inverseJoinColumn.name]: target, id: _id, ...orders } = row;
        return { article: keyOf.get(article), target: slugOf.get(target), ...orders };
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const publishedAt = new Map(articles.map((row) => [row.id, row.published_at ? new Date(row.published_at as string).getTime() : null]));
  const documentOf = new Map(articles.map((row) => [row.id, row.document_id]));
  // The term-page index of each taxonomy: tags and sources alike.
  const indexOf = async (pages: string, counts: string, slugOf: Map<unknown, unknown>) => ({
    rows: ((await knex(pages)) as Row[])
      .map((row) => ({
        term: slugOf.get(row.term_id),
        article: keyOf.get(row.article_id),
        documentMatches: row.document_id === documentOf.get(row.article_id),
        publishedAtMatches: Number(row.published_at) === publishedAt.get(row.article_id),
      }))
      .sort((a, b) => `${a.term}${a.article}`.localeCompare(`${b.term}${b.article}`)),
    counts: ((await knex(counts)) as Row[])
      .map((row) => ({ term: slugOf.get(row.term_id), articleCount: Number(row.article_count) }))
      .sort((a, b) => String(a.term).localeCompare(String(b.term))),
  });
  const index = { tags: await indexOf(TABLES.tagArticles, TABLES.tagCounts, tagSlug), sources: await indexOf(TABLES.sourceArticles, TABLES.sourceCounts, sourceSlug) };
  // Related tags' co-occurrence counts.
  const pairs = ((await knex(TABLES.tagPairs)) as Row[])
    .map((row) => ({ tag: tagSlug.get(row.term_id), other: tagSlug.get(row.other_id), shared: Number(row.shared) }))
    .sort((a, b) => `${a.tag} ${a.other}`.localeCompare(`${b.tag} ${b.other}`));
  const slugOfTerm = { tag: tagSlug, source: sourceSlug } as Record<string, Map<unknown, unknown>>;
  const names = ((await knex(TABLES.termNames)) as Row[])
    .map(({ id: _id, term_id, ...row }) => ({ term: slugOfTerm[row.type as string].get(term_id), ...row }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  // Which article rows share a documentId: a draft and its published version, nothing else.
  const byDocument = new Map<unknown, unknown[]>();
  for (const row of articles) byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), keyOf.get(row.id)]);
  const documents = [...byDocument.values()].map((keys) => keys.map(String).sort());
  return {
    articles: articles.map((row): Row => ({ key: keyOf.get(row.id), ...plain(row) })).sort((a, b) => String(a.key).localeCompare(String(b.key))),
    documents: documents.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    tags: tags.map(plain),
    sources: sources.map(plain),
    tagLinks: await links(t.tagLinks, tagSlug),
    sourceLinks: await links(t.sourceLinks, sourceSlug),
    index,
    pairs,
    names,
  };
}

/**
 * The cache tags the writer's changes named (services/page-versions.ts), run
 * from the sequence number `since`: what both writers announce must agree.
 * Articles are named by documentId, which differs between runs: by slug here.
 */
async function announced(since: number): Promise<string[]> {
  const knex: Knex = app.strapi.db.connection;
  const slugOf = new Map(((await knex(tablesOf(app).articles).select('document_id', 'slug')) as Row[]).map((row) => [row.document_id, row.slug]));
  const keys: string[] = await knex(TABLES.pageVersions).where('seq', '>', since).pluck('key');
  return keys.map((key) => (key.startsWith('article:') ? `article:${slugOf.get(key.slice('article:'.length))}` : key)).sort();
}

const sequence = async () => Number((await app.strapi.db.connection(TABLES.contentVersion).first('version')).version);

async function wipe(): Promise<void> {
  const knex: Knex = app.strapi.db.connection;
  const t = tablesOf(app);
  for (const table of [t.tagLinks.name, t.sourceLinks.name, TABLES.tagArticles, TABLES.tagCounts, TABLES.sourceArticles, TABLES.sourceCounts, TABLES.tagPairs, TABLES.termNames, t.articles, t.tags, t.sources]) {
    await knex(table).delete();
  }
}

async function throughImporter(): Promise<void> {
  const ndjson = FIXTURES.map((f) =>
    JSON.stringify({ title: f.title, body: f.body, bodyFormat: 'blocks', tags: f.tags, sources: f.sources, customExcerpt: f.customExcerpt, byline: f.byline, draft: f.draft }),
  ).join('\n');
  await app.importer().importDocument(ndjson, { fileName: 'parity.ndjson' });
}

async function throughDocumentService(): Promise<void> {
  const ids = { tags: new Map<string, string>(), sources: new Map<string, string>() };
  const documentIdOf = async (kind: 'tags' | 'sources', name: string): Promise<string> => {
    if (!ids[kind].has(name)) {
      const entry = await app.documents(kind === 'tags' ? UIDS.tag : UIDS.source).create({ data: { name } });
      ids[kind].set(name, entry.documentId);
    }
    return ids[kind].get(name)!;
  };
  for (const f of FIXTURES) {
    const tags: string[] = [];
    for (const name of f.tags) tags.push(await documentIdOf('tags', name));
    const sources: string[] = [];
    for (const name of f.sources) sources.push(await documentIdOf('sources', name));
    const article = await app.documents(UIDS.article).create({
      data: {
        title: f.title,
        body: f.body,
        customExcerpt: f.customExcerpt,
        byline: f.byline,
        // The importer's own key (not a rule of storage: the Document Service does not set it), from the stored text.
        importKey: importKey(f.title, bodyText(storableData(f.body), 'blocks')),
        tags: { connect: tags },
        sources: { connect: sources },
      } as never,
    });
    if (!f.draft) await app.documents(UIDS.article).publish({ documentId: article.documentId });
  }
}

test('the Document Service and the importer store the same rows', async () => {
  const beforeImport = await sequence();
  await throughImporter();
  const imported = await snapshot();
  const importedChanges = await announced(beforeImport);
  await wipe();
  const beforeWrites = await sequence();
  await throughDocumentService();
  const written = await snapshot();
  const writtenChanges = await announced(beforeWrites);

  // The fixtures exercise what the rules decide: a second slug, a transliterated and a fallback one, NUL dropped, a custom excerpt.
  expect(imported.articles.map((row) => row.slug)).toEqual(
    expect.arrayContaining(['markets-steady-after-the-vote', 'markets-steady-after-the-vote-2', 'dolgij-den-v-parlamente']),
  );
  expect(imported.articles.some((row) => String(row.slug).startsWith('article-'))).toBe(true);
  expect(JSON.stringify(imported.articles)).not.toContain('\\u0000');
  for (const kind of ['tags', 'sources'] as const) {
    expect(imported.index[kind].rows.length).toBeGreaterThan(0);
    expect(imported.index[kind].rows.every((row) => row.documentMatches && row.publishedAtMatches)).toBe(true);
  }

  expect(written.articles).toEqual(imported.articles);
  expect(written.documents).toEqual(imported.documents);
  expect(written.tags).toEqual(imported.tags);
  expect(written.sources).toEqual(imported.sources);
  expect(written.tagLinks).toEqual(imported.tagLinks);
  expect(written.sourceLinks).toEqual(imported.sourceLinks);
  expect(written.index).toEqual(imported.index);
  expect(imported.pairs.length).toBeGreaterThan(0);
  expect(written.pairs).toEqual(imported.pairs);
  expect(imported.names.length).toBeGreaterThan(0);
  expect(written.names).toEqual(imported.names);

  // The change events: every tag, source and published article, and both lists; the draft in none.
  expect(importedChanges).toEqual(expect.arrayContaining(['list:tags', 'list:sources', 'tag:economy', 'source:example-wire', 'article:dolgij-den-v-parlamente']));
  expect(importedChanges.some((key) => key.includes('budget-leaks'))).toBe(false);
  expect(writtenChanges).toEqual(importedChanges);
});
