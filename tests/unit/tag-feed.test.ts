import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { buildTagFeed, xmlText } from '../../src/plugins/newsroom/server/src/lib/tag-feed';

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

function feedOf(title: string, more: { tagName?: string; excerpt?: string; sourceName?: string; sourceUrl?: string } = {}) {
  return buildTagFeed({
    tag: { name: more.tagName ?? 'Tag', slug: 'tag', description: null },
    articles: [
      {
        title,
        slug: 'a',
        excerpt: more.excerpt ?? 'Excerpt',
        publishedAt: new Date('2026-01-02T03:04:05Z'),
        sources: [{ name: more.sourceName ?? 'Source', url: more.sourceUrl ?? null }],
      },
    ],
    siteUrl: 'https://news.test',
    articleUrl: 'https://news.test/articles/{slug}',
    rssUrl: 'https://news.test/feed.xml',
    atomUrl: 'https://news.test/feed.atom',
  });
}

const parser = new XMLParser({ ignoreAttributes: false, trimValues: false, htmlEntities: false });
const text = (node: unknown) => (typeof node === 'string' ? node : (node as { '#text': string })['#text']);
const titlesOf = (feed: ReturnType<typeof feedOf>) => ({
  rss: text(parser.parse(feed.rss2()).rss.channel.item.title),
  atom: text(parser.parse(feed.atom1()).feed.entry.title),
});

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

describe('buildTagFeed', () => {
  it('stays well-formed whatever the text, and the title reads back as xmlText gives it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }), (title, name) => {
        // Letters around it: some parser paths read a blank title as absent.
        const written = `T${title}]]>${title}T`;
        const feed = feedOf(written, { tagName: name, excerpt: title, sourceName: name, sourceUrl: `https://x.test/?q=${title}` });
        expect(XMLValidator.validate(feed.rss2())).toBe(true);
        expect(XMLValidator.validate(feed.atom1())).toBe(true);
        expect(titlesOf(feed)).toEqual({ rss: xmlText(written), atom: xmlText(written) });
      }),
      { numRuns: 300 },
    );
  });

  it('carries markup, CDATA ends, entities and quotes as text', () => {
    const title = `<script>alert(1)</script> ]]> &amp; & "q" 'q'`;
    expect(titlesOf(feedOf(title))).toEqual({ rss: title, atom: title });
  });
});
