import fs from 'node:fs';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { child, children, parseXml, readHtml, shown, type FeedFormat } from '../helpers/feed-reader';
import { SEED_FILE } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

// The RSS and Atom feeds of a tag, read as a feed reader reads them (helpers/feed-reader.ts).

const seed = parseTagListing(fs.readFileSync(SEED_FILE, 'utf8'), { file: 'us-led-coalition.txt' });
const SITE_NAME = 'The Coalition Times & <Co>';
const HOSTILE_TITLE = 'Hostile <script>alert(1)</script> ]]> & \u0007bell';

const app = useTestApp({ env: { NEWSROOM_SITE_NAME: SITE_NAME } });
let slug: string;
let citedTitle: string;

const articles = () => app.documents(UIDS.article);
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
const feed = async (file: string) => parseXml((await app.get(`/api/newsroom/tags/${slug}/${file}`).expect(200)).text);

beforeAll(async () => {
  const tag = await app.documents(UIDS.tag).create({ data: { name: seed.tag } });
  slug = tag.slug!;
  const post = await app.documents(UIDS.source).create({ data: { name: 'Euphrates Post', url: 'https://euphrates.example/news' } });
  const agency = await app.documents(UIDS.source).create({ data: { name: 'Agency without a site' } });
  // Oldest first, so the feed lists them newest first: the seed's three newest, one citing sources, the hostile title.
  const [cited, ...rest] = seed.items.slice(0, 3);
  citedTitle = cited.title;
  for (const item of [...rest].reverse()) {
    await articles().create({ data: { title: item.title, body: paragraphs(item.text), customExcerpt: item.excerpt, tags: [tag.documentId] }, status: 'published' });
    await tick();
  }
  await articles().create({
    data: { title: cited.title, body: paragraphs(cited.text), customExcerpt: cited.excerpt, tags: [tag.documentId], sources: [post.documentId, agency.documentId] },
    status: 'published',
  });
  await tick();
  await articles().create({ data: { title: HOSTILE_TITLE, body: paragraphs('Body with <b>markup</b>'), tags: [tag.documentId] }, status: 'published' });
});

it.each<[string, string, FeedFormat]>([
  ['feed.xml', 'application/rss+xml; charset=utf-8', 'rss'],
  ['feed.atom', 'application/atom+xml; charset=utf-8', 'atom'],
])('%s lists the newest articles, their titles and excerpts shown as text', async (file, type, format) => {
  const res = await app.get(`/api/newsroom/tags/${slug}/${file}`).expect(200);
  expect(res.headers['content-type']).toBe(type);
  const root = parseXml(res.text);
  const items = format === 'rss' ? children(root, 'channel', 'item') : children(root, 'entry');
  expect(items.map((item) => readHtml(child(item, 'title').text))).toEqual(
    [HOSTILE_TITLE.replace('\u0007', ''), ...seed.items.slice(0, 3).map((i) => i.title)].map((text) => ({ markup: [], text })),
  );
  const excerpt = child(items[0], format === 'rss' ? 'description' : 'summary');
  expect(readHtml(excerpt.text)).toEqual({ markup: [], text: 'Body with <b>markup</b>' });
  expect(items.slice(1).map((item) => shown(child(item, format === 'rss' ? 'description' : 'summary'), format))).toEqual(
    seed.items.slice(0, 3).map((i) => i.excerpt),
  );
});

it('Atom: the feed is by the site (NEWSROOM_SITE_NAME), an entry by its sources', async () => {
  const root = await feed('feed.atom');
  expect(children(root, 'author').map((author) => child(author, 'name').text)).toEqual([SITE_NAME]);
  const entries = children(root, 'entry');
  const authors = entries.map((entry) => ({
    title: child(entry, 'title').text,
    authors: children(entry, 'author').map((a) => ({ name: child(a, 'name').text, uri: children(a, 'uri')[0]?.text })),
  }));
  // The others cite no source: the feed's author is theirs (RFC 4287 §4.1.2).
  expect(authors.filter((entry) => entry.authors.length > 0)).toEqual([
    {
      title: citedTitle,
      authors: [
        { name: 'Euphrates Post', uri: 'https://euphrates.example/news' },
        { name: 'Agency without a site', uri: undefined },
      ],
    },
  ]);
});

it('RSS: has no author element, which RSS 2.0 defines as an email address', async () => {
  const root = await feed('feed.xml');
  const all = (node: typeof root): string[] => [node.name, ...node.children.flatMap(all)];
  expect(all(root).filter((name) => /author|managingEditor/.test(name))).toEqual([]);
});
