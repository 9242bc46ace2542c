import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { renderTagListing } from '../lib/render-tag-listing';
import { buildTagFeed } from '../lib/tag-feed';
import { decodeCursor } from '../lib/tag-page-cursor';
import { sendCached } from '../http/cached-response';
import { PageOutOfRangeError, type TagPage, type TagSummary } from '../services/tag-page-query';
import { relatedTagsQuerySchema, SLUG_PATTERN, tagListQuerySchema, tagPageQuerySchema, tagSlugSchema } from '../validation/tag-pages';
import { validate } from '../validation/validate';

const DEFAULT_PAGE_SIZE = 10;
const FEED_SIZE = 20;

interface TagPagesConfig {
  maxAge: number;
  siteUrl: string;
  articleUrl: string;
}

const tagPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.plugin('newsroom').service('tag-page-query');
  const config = () => strapi.config.get('plugin::newsroom.tagPages') as TagPagesConfig;
  const json = (ctx: Context, payload: unknown) =>
    sendCached(ctx, JSON.stringify(payload), 'application/json; charset=utf-8', config().maxAge);

  async function tagFrom(ctx: Context): Promise<TagSummary> {
    const { slug } = validate(tagSlugSchema, ctx.params, 'tag slug');
    // Checked before the database sees it: PostgreSQL refuses some bytes (NUL) outright.
    const tag = SLUG_PATTERN.test(slug) ? await query().findTag(slug) : null;
    if (!tag) throw new errors.NotFoundError(`No tag with slug "${slug}"`);
    return tag;
  }

  async function pageFrom(ctx: Context, tag: TagSummary, pageSize?: number): Promise<TagPage> {
    const input = validate(tagPageQuerySchema, ctx.query, 'tag page query');
    const size = pageSize ?? input.pageSize ?? DEFAULT_PAGE_SIZE;
    try {
      if (input.after !== undefined) {
        if (input.page !== undefined) throw new errors.ValidationError('Use either page or after, not both');
        const after = decodeCursor(input.after);
        if (!after) throw new errors.ValidationError('after is not a valid cursor');
        return await query().page(tag, { pageSize: size, after });
      }
      return await query().page(tag, { pageSize: size, page: input.page ?? 1 });
    } catch (error) {
      if (error instanceof PageOutOfRangeError) throw new errors.ValidationError(error.message);
      throw error;
    }
  }

  const publicTag = ({ id: _id, ...tag }: TagSummary) => tag;

  function sendText(ctx: Context, page: TagPage) {
    const text = renderTagListing(page.tag.name, page.articles.map((a) => ({ title: a.title, excerpt: a.excerpt ?? '' })));
    sendCached(ctx, text, 'text/plain; charset=utf-8', config().maxAge);
  }

  async function sendFeed(ctx: Context, format: 'rss' | 'atom') {
    const tag = await tagFrom(ctx);
    const page: TagPage = await query().page(tag, { pageSize: FEED_SIZE, page: 1 });
    const { siteUrl, articleUrl } = config();
    const base = `${ctx.origin}${ctx.path.replace(/\/feed\.(xml|atom)$/, '')}`;
    const feed = buildTagFeed({
      tag: publicTag(tag),
      articles: page.articles.map((a) => ({ ...a, publishedAt: new Date(a.publishedAt) })),
      siteUrl,
      articleUrl,
      rssUrl: `${base}/feed.xml`,
      atomUrl: `${base}/feed.atom`,
    });
    if (format === 'rss') sendCached(ctx, feed.rss2(), 'application/rss+xml; charset=utf-8', config().maxAge);
    else sendCached(ctx, feed.atom1(), 'application/atom+xml; charset=utf-8', config().maxAge);
  }

  return {
    async findOne(ctx: Context) {
      const tag = await tagFrom(ctx);
      const page = await pageFrom(ctx, tag);
      if (ctx.accepts('application/json', 'text/plain') === 'text/plain') return sendText(ctx, page);
      json(ctx, { data: { tag: publicTag(page.tag), articles: page.articles }, meta: { pagination: page.pagination } });
    },

    async findOneText(ctx: Context) {
      const tag = await tagFrom(ctx);
      sendText(ctx, await pageFrom(ctx, tag));
    },

    async find(ctx: Context) {
      const input = validate(tagListQuerySchema, ctx.query, 'tag list query');
      const { tags, pagination } = await query().listTags(input);
      json(ctx, { data: tags, meta: { pagination } });
    },

    async related(ctx: Context) {
      const tag = await tagFrom(ctx);
      const { limit } = validate(relatedTagsQuerySchema, ctx.query, 'related tags query');
      json(ctx, { data: await query().related(tag, limit), meta: { tag: publicTag(tag) } });
    },

    rss(ctx: Context) {
      return sendFeed(ctx, 'rss');
    },

    atom(ctx: Context) {
      return sendFeed(ctx, 'atom');
    },
  };
};

export default tagPages;
