import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { child, children, htmlFields, parseXml, readHtml, shown, type FeedFormat } from '../helpers/feed-reader';
import { useTestApp } from '../helpers/test-app';

/**
 * Hostile text in titles, excerpts and names comes out of every public route
 * intact where the format can carry it (JSON escapes it), as inert text where
 * it is served as text, and in the feeds as well-formed XML whose every text
 * a reader shows as written, never as markup, less what XML 1.0 cannot carry.
 */

// Every C0 control but NUL, and DEL: legal in JSON; in XML 1.0 only \t \n \r are.
const C0 = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
const HOSTILE = {
  markup: 'Breaking <script>alert(1)</script> <img src=x onerror=alert(2)>',
  cdata: 'Ends a CDATA ]]> and starts one <![CDATA[ x',
  entities: 'Fish & chips &amp; &lt;b&gt; &#0; &bogus;',
  quotes: `"Double" and 'single' quotes, \`backticks\``,
  controls: `Controls:${C0}\u007f\u0085 end`,
  surrogates: 'Lone \ud800 and \udfff surrogates, a pair 😀',
};
// What a feed reader gets of a string: XML 1.0 carries no C0 control but \t \n \r, and parsers read CR as \n.
// eslint-disable-next-line no-control-regex -- control characters are the point
const inXml = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\r\n?/g, '\n');
// What is stored of a string: a lone surrogate has no UTF-8 form, so it is written U+FFFD (lib/storable-text.ts).
const stored = (text: string) => text.replace(/\p{Cs}/gu, '\uFFFD');

const app = useTestApp();
let tagSlug: string;
let tagName: string;
let sourceName: string;
const titles = new Map<string, string>(); // documentId → title written

const get = (url: string) => app.get(url).set('Host', 'news.test');

beforeAll(async () => {
  const tag = await app.documents(UIDS.tag).create({
    data: { name: `Tag ${HOSTILE.markup}`.slice(0, 255), description: HOSTILE.controls },
  });
  tagSlug = tag.slug!;
  tagName = tag.name!;
  const source = await app.documents(UIDS.source).create({
    data: { name: `Source ${HOSTILE.entities}`, url: 'https://example.org/?a=1&b="2"' },
  });
  sourceName = source.name!;
  for (const [kind, text] of Object.entries(HOSTILE)) {
    const article = await app.documents(UIDS.article).create({
      data: { title: `${kind}: ${text}`, customExcerpt: `Excerpt ${text}`, tags: [tag.documentId], sources: [source.documentId] },
      status: 'published',
    });
    titles.set(article.documentId, `${kind}: ${text}`);
  }
});

describe('JSON responses', () => {
  it('parse, and carry each title and excerpt intact', async () => {
    for (const [documentId, title] of titles) {
      const res = await get(`/api/articles/${documentId}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(res.text);
      expect(body.data.title).toBe(stored(title));
      expect(body.data.excerpt).toBe(stored(`Excerpt ${title.slice(title.indexOf(': ') + 2)}`));
    }
    const page = await get(`/api/newsroom/tags/${tagSlug}?pageSize=100`).expect(200);
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    const served = JSON.parse(page.text);
    expect(served.data.articles.map((a: { title: string }) => a.title).sort()).toEqual([...titles.values()].map(stored).sort());
    expect(served.data.tag.description).toBe(HOSTILE.controls);
    // No raw "<" reaches the JSON text either: escaped or not, nothing a sniffing browser could run.
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the text route', () => {
  it('serves the titles as text/plain, never sniffed as HTML', async () => {
    for (const res of [await get(`/api/newsroom/tags/${tagSlug}.txt?pageSize=100`), await get(`/api/newsroom/tags/${tagSlug}?pageSize=100`).set('Accept', 'text/plain')]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.text).toContain('<script>alert(1)</script>');
      // One line per title: control characters are spaces there (render-tag-listing.ts).
      // eslint-disable-next-line no-control-regex -- control characters are the point
      expect(res.text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    }
  });
});

describe('the feeds', () => {
  it.each<[string, FeedFormat]>([
    ['feed.xml', 'rss'],
    ['feed.atom', 'atom'],
  ])('%s is well-formed XML whose texts a reader shows as written, never as markup', async (file, format) => {
    const res = await get(`/api/newsroom/tags/${tagSlug}/${file}`).expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const root = parseXml(res.text);
    // Every field a reader renders as HTML holds text only.
    const html = htmlFields(root, format);
    expect(html.length).toBeGreaterThanOrEqual(titles.size * 2);
    for (const field of html) expect({ field: field.name, markup: readHtml(field.text).markup }).toEqual({ field: field.name, markup: [] });

    const items = format === 'rss' ? children(root, 'channel', 'item') : children(root, 'entry');
    const served = items.map((item) => ({
      title: shown(child(item, 'title'), format),
      excerpt: shown(child(item, format === 'rss' ? 'description' : 'summary'), format),
    }));
    const written = [...titles.values()].map((title) => ({ title, excerpt: `Excerpt ${title.slice(title.indexOf(': ') + 2)}` }));
    const asRead = (text: string) => inXml(stored(text));
    const byTitle = (a: { title: string }, b: { title: string }) => (a.title < b.title ? -1 : 1);
    expect(served.sort(byTitle)).toEqual(written.map((w) => ({ title: asRead(w.title), excerpt: asRead(w.excerpt) })).sort(byTitle));
    const channel = format === 'rss' ? child(root, 'channel') : root;
    expect(shown(child(channel, 'title'), format)).toBe(`Contents tagged with ${tagName}`);
    expect(shown(child(channel, format === 'rss' ? 'description' : 'subtitle'), format)).toBe(inXml(HOSTILE.controls));
    if (format === 'atom') {
      expect(children(root, 'entry', 'author', 'name').map((name) => name.text)).toEqual(items.map(() => sourceName));
      expect(children(root, 'entry', 'category').map((category) => category.attributes.label)).toEqual(items.map(() => tagName));
    } else {
      expect(children(root, 'channel', 'item', 'category').map((category) => category.text)).toEqual(items.map(() => tagName));
    }
  });

  it('take their links from the configuration, not from the request’s Host header', async () => {
    for (const file of ['feed.xml', 'feed.atom']) {
      const res = await app.request().get(`/api/newsroom/tags/${tagSlug}/${file}`).set('Host', 'attacker.example').expect(200);
      // The self links are absolute: built from the Host header, a cache would hand the attacker's links to everyone.
      expect(res.text.match(/[^"<\s]*attacker\.example[^"<\s]*/g) ?? []).toEqual([]);
    }
  });
});

describe('a NUL character (U+0000), which PostgreSQL cannot store in text', () => {
  it('is dropped from what the Document Service writes, on every database alike', async () => {
    const tag = await app.documents(UIDS.tag).create({ data: { name: 'NUL\u0000tag', description: 'a\u0000b' } });
    const source = await app.documents(UIDS.source).create({ data: { name: 'NUL\u0000source', aliases: ['x\u0000y'] } });
    const article = await app.documents(UIDS.article).create({
      data: {
        title: 'Title with a \u0000 NUL',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Body \u0000 text' }] }],
        tags: [tag.documentId],
        sources: [source.documentId],
      },
      status: 'published',
    });
    // The excerpt collapses spaces, as the house rule does.
    expect(article).toMatchObject({ title: 'Title with a  NUL', excerpt: 'Body text' });
    const updated = await app.documents(UIDS.article).update({ documentId: article.documentId, data: { customExcerpt: 'Own\u0000 excerpt' } });
    expect(updated).toMatchObject({ customExcerpt: 'Own excerpt', excerpt: 'Own excerpt' });

    const res = await get(`/api/articles/${article.documentId}?populate=*`).expect(200);
    expect(res.body.data).toMatchObject({ title: 'Title with a  NUL', tags: [{ name: 'NULtag', description: 'ab' }], sources: [{ name: 'NULsource', aliases: ['xy'] }] });
    expect(res.body.data.body[0].children[0].text).toBe('Body  text');
  });

  it('from the admin’s Content Manager or an NDJSON import, is no 500', async () => {
    const token = await app.superAdminToken();
    const line = JSON.stringify({ title: 'Imported\u0000 title', body: 'Imported \u0000body \ud800', customExcerpt: 'Imported\u0000 excerpt', tags: ['NUL\u0000import'] });
    const imported = await app.request().post('/newsroom/import').set('Authorization', `Bearer ${token}`).send({ text: line, format: 'ndjson' });
    expect(imported.status).toBe(200);
    const [item] = imported.body.data.items;
    const stored = await get(`/api/articles/${item.documentId}?populate[tags][fields][0]=name`).expect(200);
    expect(stored.body.data).toMatchObject({ title: 'Imported title', excerpt: 'Imported excerpt', tags: [{ name: 'NULimport' }] });
    expect(stored.body.data.body[0].children[0].text).toBe('Imported body \uFFFD');

    const res = await app.request()
      .post(`/content-manager/collection-types/${UIDS.article}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'From the\u0000 editor', customExcerpt: 'E\u0000' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title: 'From the editor', customExcerpt: 'E' });
  });
});
