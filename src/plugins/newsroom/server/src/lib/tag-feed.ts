import { Feed, type Item } from 'feed';
import type { TermKind } from '../../../shared/constants';
import type { ArticleCover } from '../../../shared/contracts/tag-pages';
import { coverBytes } from './article-cover';
import { TERM_WORDING } from './term-wording';
import { attributeValue, htmlCdata, htmlElement, plainElement } from './feed-text';

export interface FeedArticle {
  title: string;
  slug: string;
  excerpt: string | null;
  publishedAt: Date;
  sources: Array<{ name: string; url: string | null }>;
  byline?: string | null;
  /** Its url absolute (lib/article-cover.ts). */
  cover?: Pick<ArticleCover, 'url' | 'mime' | 'size'> | null;
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
 * Who wrote the entry: its byline, else (as before bylines) its sources.
 * Only Atom writes them: `feed` 4.2.2 writes an RSS author only as
 * "email (name)", and has no dc:creator. With a byline the sources are the
 * entry's contributors.
 */
function people(article: FeedArticle): Pick<Item, 'author' | 'contributor'> {
  const sources = article.sources.map((source) => ({ name: plainElement(source.name), link: webAddress(source.url) }));
  if (!article.byline) return { author: sources };
  return { author: [{ name: plainElement(article.byline) }], contributor: sources };
}

/**
 * The cover as an RSS enclosure (`feed` 4.2.2 writes none in Atom). Its
 * attributes as attribute values; the length in bytes, as RSS wants it.
 */
const enclosure = (cover: NonNullable<FeedArticle['cover']>): Item['enclosure'] => ({
  url: attributeValue(cover.url),
  type: attributeValue(cover.mime),
  length: coverBytes(cover),
});

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
      ...people(article),
      ...(article.cover ? { enclosure: enclosure(article.cover) } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
