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
const clean = (text: string) => text.replace(NOT_XML, '');

/** A tag's newest articles as RSS 2.0 and Atom 1.0 (the `feed` package does the XML and escaping). */
export function buildTagFeed(input: TagFeedInput): Feed {
  const { tag, articles } = input;
  const tagUrl = `${input.siteUrl.replace(/\/+$/, '')}/tags/${tag.slug}`;
  const feed = new Feed({
    id: tagUrl,
    title: clean(`Contents tagged with ${tag.name}`),
    description: clean(tag.description ?? `The newest articles tagged with ${tag.name}`),
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
      title: clean(article.title),
      description: clean(article.excerpt ?? ''),
      date: article.publishedAt,
      published: article.publishedAt,
      category: [{ name: clean(tag.name), term: tag.slug }],
      contributor: article.sources.map((source) => ({ name: clean(source.name), link: source.url ?? undefined })),
    });
  }
  return feed;
}
