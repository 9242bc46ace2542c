import fc from 'fast-check';
import { htmlEscape, xmlText } from '../../src/plugins/newsroom/server/src/lib/feed-text';
import { buildTagFeed, type FeedFormat, type TagFeedInput } from '../../src/plugins/newsroom/server/src/lib/tag-feed';
import { child, children, htmlFields, parseXml, readHtml, shown, type XmlNode } from '../helpers/feed-reader';

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

interface Texts {
  title: string;
  excerpt: string;
  tagName: string;
  description: string;
  sourceName: string;
  sourceUrl: string | null;
  siteName: string;
}

const DEFAULTS: Texts = {
  title: 'Title',
  excerpt: 'Excerpt',
  tagName: 'Tag',
  description: 'About the tag',
  sourceName: 'Source',
  sourceUrl: null,
  siteName: 'Site',
};

function feedInput(texts: Partial<Texts> = {}): TagFeedInput {
  const t = { ...DEFAULTS, ...texts };
  return {
    kind: 'tags',
    tag: { name: t.tagName, slug: 'tag', description: t.description },
    pageUrl: 'https://news.test/tags/tag',
    articles: [
      { title: t.title, slug: 'a', excerpt: t.excerpt, publishedAt: new Date('2026-01-02T03:04:05Z'), sources: [{ name: t.sourceName, url: t.sourceUrl }] },
    ],
    siteName: t.siteName,
    articleUrl: 'https://news.test/articles/{slug}',
    rssUrl: 'https://news.test/feed.xml',
    atomUrl: 'https://news.test/feed.atom',
  };
}

const read = (texts: Partial<Texts>, format: FeedFormat): XmlNode => parseXml(buildTagFeed(feedInput(texts), format));

/** What a reader shows of each text, by where the format puts it. */
function shownTexts(root: XmlNode, format: FeedFormat) {
  if (format === 'rss') {
    const item = child(root, 'channel', 'item');
    return {
      channelTitle: shown(child(root, 'channel', 'title'), format),
      description: shown(child(root, 'channel', 'description'), format),
      title: shown(child(item, 'title'), format),
      excerpt: shown(child(item, 'description'), format),
      tagName: shown(child(item, 'category'), format),
    };
  }
  const entry = child(root, 'entry');
  return {
    channelTitle: shown(child(root, 'title'), format),
    description: shown(child(root, 'subtitle'), format),
    siteName: shown(child(root, 'author', 'name'), format),
    title: shown(child(entry, 'title'), format),
    excerpt: shown(child(entry, 'summary'), format),
    tagName: child(entry, 'category').attributes.label,
    sourceName: shown(child(entry, 'author', 'name'), format),
  };
}

function expectedTexts(t: Texts, format: FeedFormat) {
  const common = {
    channelTitle: xmlText(`Contents tagged with ${t.tagName}`),
    description: xmlText(t.description),
    title: xmlText(t.title),
    excerpt: xmlText(t.excerpt),
    tagName: xmlText(t.tagName),
  };
  return format === 'rss' ? common : { ...common, siteName: xmlText(t.siteName), sourceName: xmlText(t.sourceName) };
}

describe('xmlText', () => {
  it('drops the C0 controls XML 1.0 cannot carry, keeps tab and newline, and makes CR a newline', () => {
    expect(xmlText(`a${C0}b`)).toBe('a\t\n\nb');
    expect(xmlText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
    expect(xmlText('\uFFFE\uFFFF')).toBe('');
  });

  it('keeps what XML can carry: DEL, C1 controls, markup, astral characters', () => {
    expect(xmlText('\u007F\u0085 <b>&amp;</b> 😀')).toBe('\u007F\u0085 <b>&amp;</b> 😀');
  });

  it('writes a lone surrogate as U+FFFD, and keeps a pair', () => {
    expect(xmlText('a\uD800b\uDFFFc\uD83D\uDE00')).toBe('a\uFFFDb\uFFFDc\uD83D\uDE00');
  });
});

describe('htmlEscape', () => {
  it('makes markup and entities text', () => {
    expect(htmlEscape('<b>&amp;</b> "q"')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt; "q"');
  });
});

describe.each<FeedFormat>(['rss', 'atom'])('buildTagFeed, %s', (format) => {
  it('shows plain text as text, never as markup (issue #11)', () => {
    const root = read({ title: 'Hostile <script>alert(1)</script>', excerpt: 'Body with <b>markup</b>' }, format);
    const item = format === 'rss' ? child(root, 'channel', 'item') : child(root, 'entry');
    const title = readHtml(child(item, 'title').text);
    const excerpt = readHtml(child(item, format === 'rss' ? 'description' : 'summary').text);
    expect(title).toEqual({ markup: [], text: 'Hostile <script>alert(1)</script>' });
    expect(excerpt).toEqual({ markup: [], text: 'Body with <b>markup</b>' });
  });

  it('is well-formed and shows every text as written, whatever it holds', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const texts = fc.record({
      // Prefixed as real ones are never blank (a blank title or excerpt is left out of RSS).
      title: text.map((s) => `T${s}`),
      excerpt: text.map((s) => `E${s}`),
      tagName: text,
      description: text.map((s) => `D${s}`),
      sourceName: text,
      sourceUrl: fc.constant(null),
      siteName: text,
    });
    fc.assert(
      fc.property(texts, fc.constantFrom('', ']]>', '&amp;', '<![CDATA[', '<script>x</script>', '&#0;', '\t\n\r'), (t, hostile) => {
        const written: Texts = { ...t };
        for (const key of Object.keys(t) as Array<keyof Texts>) {
          const v = t[key];
          if (typeof v === 'string') written[key] = `${v}${hostile}${v}`;
        }
        const root = read(written, format);
        for (const field of htmlFields(root, format)) expect(readHtml(field.text).markup).toEqual([]);
        expect(shownTexts(root, format)).toEqual(expectedTexts(written, format));
      }),
      { numRuns: 300 },
    );
  });
});

describe('authors', () => {
  it('Atom: the feed is by the site; an entry by its sources, with their web address as uri', () => {
    const input = feedInput({ siteName: 'The Daily <Test> & Co' });
    input.articles[0].sources = [
      { name: 'Euphrates Post', url: 'https://euphrates.example/?a=1&b=2' },
      { name: 'No address', url: null },
      { name: 'Not a web address', url: 'javascript:alert(1)' },
    ];
    const root = parseXml(buildTagFeed(input, 'atom'));
    expect(children(root, 'author').map((a) => child(a, 'name').text)).toEqual(['The Daily <Test> & Co']);
    const authors = children(root, 'entry', 'author').map((a) => ({ name: child(a, 'name').text, uri: children(a, 'uri')[0]?.text }));
    expect(authors).toEqual([
      { name: 'Euphrates Post', uri: 'https://euphrates.example/?a=1&b=2' },
      { name: 'No address', uri: undefined },
      { name: 'Not a web address', uri: undefined },
    ]);
  });

  it('Atom: an entry without sources has no author of its own, so the feed’s stands for it (RFC 4287 §4.1.2)', () => {
    const input = feedInput();
    input.articles[0].sources = [];
    const root = parseXml(buildTagFeed(input, 'atom'));
    expect(children(root, 'author')).toHaveLength(1);
    expect(children(root, 'entry', 'author')).toEqual([]);
  });

  it('RSS: no author element, which RSS 2.0 defines as an email address', () => {
    const xml = buildTagFeed(feedInput({ sourceName: 'Euphrates Post', siteName: 'Site' }), 'rss');
    expect(xml).not.toMatch(/<(author|managingEditor)\b/);
  });
});

describe("a source's feed", () => {
  it.each(['rss', 'atom'] as const)('%s: titled "Contents from <source>", linked to its page, its entries uncategorised', (format) => {
    const input: TagFeedInput = { ...feedInput({ tagName: 'Euphrates Post' }), kind: 'sources', pageUrl: 'https://news.test/sources/euphrates-post' };
    input.tag.description = null;
    const root = parseXml(buildTagFeed(input, format));
    const channel = format === 'rss' ? child(root, 'channel') : root;
    expect(shown(child(channel, 'title'), format)).toBe('Contents from Euphrates Post');
    expect(shown(child(channel, format === 'rss' ? 'description' : 'subtitle'), format)).toBe('The newest articles from Euphrates Post');
    const link = format === 'rss' ? child(channel, 'link').text : children(channel, 'link').find((l) => !l.attributes.rel || l.attributes.rel === 'alternate')?.attributes.href;
    expect(link).toBe('https://news.test/sources/euphrates-post');
    expect(children(channel, format === 'rss' ? 'item' : 'entry', 'category')).toEqual([]);
  });
});
