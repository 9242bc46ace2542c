import { Feed } from 'feed';

export interface FeedArticle {
  title: string;
  slug: string;
  excerpt: string | null;
  publishedAt: Date;
  sources: Array<{ name: string; url: string | null }>;
}

export interface TagFeedInput {
  tag: { name: string; slug: string; description: string | null };
  articles: FeedArticle[];
  /** Where readers find the site, e.g. https://news.example.org */
  siteUrl: string;
  /** A reader's URL for an article; `{slug}` is replaced. */
  articleUrl: string;
  /** The feed's own URLs, for self links. */
  rssUrl: string;
  atomUrl: string;
}

// XML 1.0 cannot carry these at all, escaped or not: drop them so the feed stays valid.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Half a UTF-16 pair has no UTF-8 form: written out it would be U+FFFD anyway, say so.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a feed reader will read it back: without what XML 1.0 cannot
 * carry, and with CR and CRLF as "\n", which is what every XML parser turns
 * them into (so the bytes served, and their ETag, say what readers get).
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
}

/** A tag's newest articles as RSS 2.0 and Atom 1.0 (the `feed` package does the XML and escaping). */
export function buildTagFeed(input: TagFeedInput): Feed {
  const { tag, articles } = input;
  const tagUrl = `${input.siteUrl.replace(/\/+$/, '')}/tags/${tag.slug}`;
  const feed = new Feed({
    id: tagUrl,
    title: xmlText(`Contents tagged with ${tag.name}`),
    description: xmlText(tag.description ?? `The newest articles tagged with ${tag.name}`),
    link: tagUrl,
    copyright: '',
    updated: articles[0]?.publishedAt ?? new Date(0),
    feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
    generator: 'Newsroom',
  });
  for (const article of articles) {
    const url = input.articleUrl.replace('{slug}', encodeURIComponent(article.slug));
    feed.addItem({
      id: url,
      link: url,
      title: xmlText(article.title),
      description: xmlText(article.excerpt ?? ''),
      date: article.publishedAt,
      published: article.publishedAt,
      category: [{ name: xmlText(tag.name), term: tag.slug }],
      contributor: article.sources.map((source) => ({ name: xmlText(source.name), link: source.url ? xmlText(source.url) : undefined })),
    });
  }
  return feed;
}
