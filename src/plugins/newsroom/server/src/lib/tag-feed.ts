import { Feed } from 'feed';
import type { TermKind } from '../../../shared/constants';
import { TERM_WORDING } from './term-wording';
import { attributeValue, htmlCdata, htmlElement, plainElement } from './feed-text';

export interface FeedArticle {
  title: string;
  slug: string;
  excerpt: string | null;
  publishedAt: Date;
  sources: Array<{ name: string; url: string | null }>;
}

export interface TagFeedInput {
  /** Whose feed: a tag's (its entries carry it as their category) or a source's. */
  kind: TermKind;
  tag: { name: string; slug: string; description: string | null };
  /** The reader-facing page of the tag or source (NEWSROOM_TAG_URL, NEWSROOM_SOURCE_URL). */
  pageUrl: string;
  articles: FeedArticle[];
  /** The feed's author (Atom requires one): the site's name. */
  siteName: string;
  /** A reader's URL for an article; `{slug}` is replaced. */
  articleUrl: string;
  /** The feed's own URLs, for self links. */
  rssUrl: string;
  atomUrl: string;
}

export type FeedFormat = 'rss' | 'atom';

/** A source's url as an Atom `uri` (an IRI), when it is a web address at all. */
function webAddress(url: string | null): string | undefined {
  if (url === null || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/**
 * A tag's (or source's) newest articles as an RSS 2.0 or Atom 1.0 document. Titles,
 * excerpts and names are plain text, and each is encoded for the field the
 * `feed` package puts it in (see feed-text.ts), so a reader shows it as
 * written, never as markup.
 */
export function buildTagFeed(input: TagFeedInput, format: FeedFormat): string {
  const { tag, articles, pageUrl } = input;
  const wording = TERM_WORDING[input.kind];
  // The same option is RSS's channel title (read as HTML) and Atom's feed title (text).
  const channelText = format === 'rss' ? htmlElement : plainElement;
  const feed = new Feed({
    id: pageUrl,
    title: channelText(wording.heading(tag.name)),
    description: channelText(tag.description ?? wording.blurb(tag.name)),
    link: pageUrl,
    copyright: '',
    updated: articles[0]?.publishedAt ?? new Date(0),
    feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
    generator: 'Newsroom',
    // Atom only: RSS's channel author is an email address.
    author: { name: plainElement(input.siteName) },
  });
  for (const article of articles) {
    const url = input.articleUrl.replace('{slug}', encodeURIComponent(article.slug));
    feed.addItem({
      id: url,
      link: url,
      title: htmlCdata(article.title),
      description: htmlCdata(article.excerpt ?? ''),
      date: article.publishedAt,
      published: article.publishedAt,
      // RSS writes the name as element text, Atom as the label attribute.
      category: input.kind === 'tags' ? [{ name: format === 'rss' ? plainElement(tag.name) : attributeValue(tag.name), term: tag.slug }] : [],
      // Atom authors; RSS writes only authors with an email address, which sources have not.
      author: article.sources.map((source) => ({ name: plainElement(source.name), link: webAddress(source.url) })),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
