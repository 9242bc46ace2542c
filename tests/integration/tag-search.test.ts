import type { Knex } from 'knex';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { startChildApp } from '../helpers/child-app';
import { ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

// Tag aliases and `GET /api/newsroom/tags?q=`: prefix or whole-word search on
// names, slugs and aliases through the names index, kept by every writer.

const app = useTestApp();
const tags = () => app.documents(UIDS.tag);
const knex = () => app.strapi.db.connection;

type Listed = { name: string; slug: string; aliases: string[]; articleCount: number };
const search = async (query: string): Promise<Listed[]> => (await app.get(`/api/newsroom/tags?all=true&sort=name&${query}`).expect(200)).body.data;
const namesFor = async (q: string): Promise<string[]> => (await search(`q=${encodeURIComponent(q)}`)).map((tag) => tag.name);

let coalition: string;

beforeAll(async () => {
  coalition = (await tags().create({ data: { name: 'Coalitión (US)', aliases: ['Operation Inherent Resolve', ' coalition-us ', 'Operation inherent  resolve'] } }))
    .documentId;
  const led = await tags().create({ data: { name: 'US-led coalition' } });
  await tags().create({ data: { name: 'Syrian Civil War', slug: 'syria-war' } });
  await tags().create({ data: { name: 'Deir ez-Zor' } });
  await tags().create({ data: { name: 'Café Society' } });
  await tags().create({ data: { name: 'Alpha', aliases: ['Beta'] } });
  await app.documents(UIDS.article).create({ data: { title: 'A strike', body: paragraphs('Strikes.'), tags: [led.documentId] }, status: 'published' });
});

describe('aliases', () => {
  it('are stored trimmed, once each by key, never the name; a tag given none has []', async () => {
    expect((await tags().findOne({ documentId: coalition }))!.aliases).toEqual(['Operation Inherent Resolve']);
    expect((await tags().findFirst({ filters: { name: 'Deir ez-Zor' } }))!.aliases).toEqual([]);
  });

  it('are served on the tag page and in the list', async () => {
    const page = await app.get('/api/newsroom/tags/coalition-us').expect(200);
    expect(page.body.data.tag).toEqual({ name: 'Coalitión (US)', slug: 'coalition-us', description: null, aliases: ['Operation Inherent Resolve'], articleCount: 0, metaTitle: null, metaDescription: null, noindex: false });
    expect((await search('')).find((tag) => tag.slug === 'us-led-coalition')).toEqual({
      name: 'US-led coalition',
      slug: 'us-led-coalition',
      description: null,
      aliases: [],
      articleCount: 1,
      metaTitle: null,
      metaDescription: null,
      noindex: false,
    });
  });

  it.each([
    ['not an array', 'Beta', 'aliases: must be an array of strings'],
    ['a blank entry', ['Beta', '  '], 'aliases: entry 1 must be a non-empty string'],
    ['too many', Array.from({ length: 51 }, (_, i) => `alias ${i}`), 'aliases: must have at most 50 entries'],
  ])('are refused with a ValidationError naming aliases: %s', async (_, aliases, message) => {
    const error = await tags()
      .update({ documentId: coalition, data: { aliases } as never })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', message, details: { errors: [{ path: ['aliases'] }] } });
    expect((await tags().findOne({ documentId: coalition }))!.aliases).toEqual(['Operation Inherent Resolve']);
  });
});

describe('GET /api/newsroom/tags?q=', () => {
  it.each([
    ['a prefix of the name', 'coal', ['Coalitión (US)', 'US-led coalition']],
    ['a whole word inside it', 'coalition', ['Coalitión (US)', 'US-led coalition']],
    ['the name, punctuation and accents aside', 'COALITION us', ['Coalitión (US)']],
    ['words from a later word start', 'led coal', ['US-led coalition']],
    ['an accent-free spelling', 'cafe', ['Café Society']],
    ['an alias', 'inherent res', ['Coalitión (US)']],
    ['the slug', 'syria-war', ['Syrian Civil War']],
    ['a hyphenated word', 'ez-zor', ['Deir ez-Zor']],
    ['nothing for the middle of a word', 'oalition', []],
    ['nothing for words out of order', 'war syrian', []],
  ])('finds %s', async (_, q, expected) => {
    expect(await namesFor(q)).toEqual(expected);
  });

  it('without all=true, only tags with published articles, as the list is', async () => {
    const res = await app.get('/api/newsroom/tags?q=coalition').expect(200);
    expect(res.body.data.map((tag: Listed) => tag.name)).toEqual(['US-led coalition']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
  });

  it('pages the matches with exact totals, in the order asked', async () => {
    for (let i = 1; i <= 12; i += 1) await tags().create({ data: { name: `Topic ${String(i).padStart(2, '0')}` } });
    const pages = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = await app.get(`/api/newsroom/tags?all=true&sort=name&q=topic&pageSize=5&page=${page}`).expect(200);
      expect(res.body.meta.pagination).toEqual({ page, pageSize: 5, pageCount: 3, total: 12 });
      pages.push(res.body.data.map((tag: Listed) => tag.name));
    }
    expect(pages.flat()).toEqual(Array.from({ length: 12 }, (_, i) => `Topic ${String(i + 1).padStart(2, '0')}`));
    expect(pages[2]).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['no letter or digit', '-- !'],
    ['over 100 characters', 'a'.repeat(101)],
  ])('refuses a q that is %s with a 400', async (_, q) => {
    const res = await app.get(`/api/newsroom/tags?q=${encodeURIComponent(q)}`).expect(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });

  it('sees an update, a rename and a delete at the next request, though the answers are cached', async () => {
    expect(await namesFor('inherent')).toEqual(['Coalitión (US)']);
    expect(await namesFor('inherent')).toEqual(['Coalitión (US)']);
    await tags().update({ documentId: coalition, data: { aliases: ['Task Force'] } });
    expect(await namesFor('inherent')).toEqual([]);
    expect(await namesFor('task force')).toEqual(['Coalitión (US)']);
    expect((await search('q=task')).map((tag) => tag.aliases)).toEqual([['Task Force']]);

    await tags().update({ documentId: coalition, data: { name: 'Global Coalition', slug: 'global-coalition' } });
    expect(await namesFor('global')).toEqual(['Global Coalition']);
    // The former name stays an alias: a search (and an import) by it still finds the tag.
    expect(await namesFor('coalition us')).toEqual(['Global Coalition']);
    expect((await search('q=global')).map((tag) => tag.aliases)).toEqual([['Task Force', 'Coalitión (US)']]);

    await tags().delete({ documentId: coalition });
    expect(await namesFor('global')).toEqual([]);
    expect(await knex()(TABLES.termNames).where({ type: 'tag' }).whereIn('key', ['global coalition', 'task force'])).toEqual([]);
  });

  it('reads the names index, not every tag (EXPLAIN of the queries it runs)', async () => {
    const queries = await queriesOf(async () => {
      await app.get('/api/newsroom/tags?all=true&q=alpha').expect(200);
      await app.get('/api/newsroom/tags?q=alpha').expect(200);
    });
    const searches = queries.filter((query) => query.sql.includes(TABLES.termNames));
    expect(searches).toHaveLength(4); // the total and the page, of every tag and of those with articles
    const tagTable = app.strapi.db.metadata.get(UIDS.tag).tableName;
    // A range of the (type, key) index, the bounds in its condition; the tags read by primary key.
    const range =
      app.database.client === 'sqlite'
        ? new RegExp(`SEARCH ${TABLES.termNames} USING (COVERING )?INDEX ${TABLES.termNames}_key_idx \\(type=\\? AND key>\\? AND key<\\?\\)`)
        : new RegExp(`Index (Only )?Scan using ${TABLES.termNames}_key_idx on ${TABLES.termNames}.*\\n\\s*Index Cond: .*\\(key\\)::text >= 'alpha'.*\\(key\\)::text < 'alpha`);
    for (const query of searches) {
      const plan = await explain(query);
      expect(plan).toMatch(range);
      expect(plan).not.toMatch(new RegExp(`(SCAN|Seq Scan on) "?${tagTable}"?\\b`));
    }
  });
});

describe('the importer', () => {
  const importNdjson = (lines: Array<Record<string, unknown>>) => app.importer().importDocument(ndjson(lines), { fileName: 'search.ndjson' });

  it('finds a tag by an alias, case and spacing aside, and creates nothing', async () => {
    const summary = await importNdjson([{ title: 'After the merge', body: 'Merged.', tags: ['  BETA ', 'alpha'] }]);
    expect(summary.tags.created).toEqual([]);
    const article = await app.documents(UIDS.article).findFirst({ filters: { title: 'After the merge' }, status: 'published', populate: ['tags'] });
    expect(article!.tags!.map((tag) => tag.name)).toEqual(['Alpha']);
  });

  it('indexes the tags and sources it creates: q= finds them', async () => {
    const summary = await importNdjson([{ title: 'New names', body: 'New.', tags: ['Gamma Ray Bursts'], sources: ['Local Radio'] }]);
    expect(summary.tags.created).toEqual(['Gamma Ray Bursts']);
    expect(await namesFor('ray burst')).toEqual(['Gamma Ray Bursts']);
    const source = await app.strapi.db.query(UIDS.source).findOne({ where: { name: 'Local Radio' }, select: ['id'] });
    expect(await knex()(TABLES.termNames).where({ type: 'source', term_id: source!.id, word: 0 }).pluck('key')).toEqual(['local radio']);
  });
});

describe('a database from before the names index', () => {
  it('gets its tags and sources indexed at boot', async () => {
    const rows = () => knex()(TABLES.termNames).orderBy(['type', 'term_id', 'key']).select('type', 'term_id', 'role', 'word', 'key');
    const indexed = await rows();
    expect(indexed.length).toBeGreaterThan(0);
    await knex()(TABLES.termNames).delete();
    const booted = await startChildApp({});
    try {
      expect(await rows()).toEqual(indexed);
      const res = await fetch(`${booted.url}/api/newsroom/tags?all=true&q=beta`);
      expect(((await res.json()) as { data: Listed[] }).data.map((tag) => tag.name)).toEqual(['Alpha']);
    } finally {
      await booted.stop();
    }
  }, 120_000);
});

type Query = { sql: string; bindings: readonly unknown[] };

/** The SQL run while `work` runs, as the database saw it. */
async function queriesOf(work: () => Promise<unknown>): Promise<Query[]> {
  const queries: Query[] = [];
  const listener = (query: Query) => queries.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex().on('query', listener);
  try {
    await work();
  } finally {
    knex().removeListener('query', listener);
  }
  return queries;
}

/**
 * The plan of a query. On PostgreSQL, whose planner weighs the tables' sizes,
 * as it would be on a real taxonomy: 20,000 other names, analyzed, and
 * sequential scans priced out (the test's few tags are read faster whole),
 * all rolled back.
 */
async function explain({ sql, bindings }: Query): Promise<string> {
  if (app.database.client === 'sqlite') {
    const rows: Array<{ detail: string }> = await knex().raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.RawBinding[]);
    return rows.map((row) => row.detail).join('\n');
  }
  const trx = await knex().transaction();
  try {
    await trx.raw(
      `INSERT INTO ?? (type, term_id, role, word, key) SELECT 'tag', -g, 'name', 0, 'filler ' || g FROM generate_series(1, 20000) AS g`,
      [TABLES.termNames],
    );
    await trx.raw('ANALYZE ??', [TABLES.termNames]);
    await trx.raw('SET LOCAL enable_seqscan = off');
    const result = await trx.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings as Knex.RawBinding[]);
    return (result.rows as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await trx.rollback();
  }
}
