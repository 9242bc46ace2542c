import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { renderTagListing } from '../lib/render-tag-listing';
import { relatedTagsCacheTags, tagListCacheTags, tagPageCacheTags } from '../lib/changes';
import { buildTagFeed } from '../lib/tag-feed';
import { decodeCursor } from '../lib/tag-page-cursor';
import { RetiredSlug, sendRetired } from '../http/retired-slug';
import type { Built } from '../services/response-cache';
import { PageOutOfRangeError, type TagPage, type TagSummary } from '../services/tag-page-query';
import { relatedTagsQuerySchema, SLUG_PATTERN, tagListQuerySchema, tagPageQuerySchema, tagSlugSchema } from '../validation/tag-pages';
import { validate } from '../validation/validate';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

const DEFAULT_PAGE_SIZE = 10;
const FEED_SIZE = 20;

type Response = Built;
const JSON_TYPE = 'application/json; charset=utf-8';

const tagPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => getService(strapi, 'tag-page-query');
  const config = () => pluginConfig(strapi, 'tagPages');
  // Every route answers through the response cache; errors thrown while building are never cached.
  // A retired slug answers 301 or 410 (http/retired-slug.ts), uncached: it costs two indexed lookups.
  const serve = async (ctx: Context, make: () => Promise<Response>) => {
    try {
      await getService(strapi, 'response-cache').serve(ctx, make);
    } catch (error) {
      if (!(error instanceof RetiredSlug)) throw error;
      sendRetired(ctx, error, { kind: 'tag', origin: origin(), maxAge: config().redirectMaxAge });
    }
  };
  // Not ctx.origin: the Host header is the client's to choose, and the answer is cached publicly.
  const origin = () => String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
  const json = (payload: unknown, cacheTags: string[]): Response => ({ body: JSON.stringify(payload), type: JSON_TYPE, cacheTags });
  const pageTags = (page: TagPage) => tagPageCacheTags(page.tag, page.articles);

  async function tagFrom(ctx: Context): Promise<TagSummary> {
    const { slug } = validate(tagSlugSchema, ctx.params, 'tag slug');
    // Checked before the database sees it: PostgreSQL refuses some bytes (NUL) outright.
    const tag = SLUG_PATTERN.test(slug) ? await query().findTag(slug) : null;
    if (!tag) {
      const retired = SLUG_PATTERN.test(slug) ? await getService(strapi, 'slug-history').resolve('tag', slug) : null;
      if (retired) throw new RetiredSlug(slug, retired.to);
      throw new errors.NotFoundError(`No tag with slug "${slug}"`);
    }
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

  const text = (page: TagPage): Response => ({
    body: renderTagListing(page.tag.name, page.articles.map((a) => ({ title: a.title, excerpt: a.excerpt ?? '' }))),
    type: 'text/plain; charset=utf-8',
    cacheTags: pageTags(page),
  });

  async function feed(ctx: Context, format: 'rss' | 'atom'): Promise<Response> {
    const tag = await tagFrom(ctx);
    const page: TagPage = await query().page(tag, { pageSize: FEED_SIZE, page: 1 });
    const { siteName, siteUrl, articleUrl } = config();
    const base = `${origin()}${ctx.path.replace(/\/feed\.(xml|atom)$/, '')}`;
    const body = buildTagFeed(
      {
        tag: publicTag(tag),
        articles: page.articles.map((a) => ({ ...a, publishedAt: new Date(a.publishedAt) })),
        siteName,
        siteUrl,
        articleUrl,
        rssUrl: `${base}/feed.xml`,
        atomUrl: `${base}/feed.atom`,
      },
      format,
    );
    return {
      body,
      type: format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
      cacheTags: pageTags(page),
    };
  }

  return {
    findOne(ctx: Context) {
      return serve(ctx, async () => {
        const page = await pageFrom(ctx, await tagFrom(ctx));
        if (ctx.accepts('application/json', 'text/plain') === 'text/plain') return text(page);
        return json({ data: { tag: publicTag(page.tag), articles: page.articles }, meta: { pagination: page.pagination } }, pageTags(page));
      });
    },

    findOneText(ctx: Context) {
      return serve(ctx, async () => text(await pageFrom(ctx, await tagFrom(ctx))));
    },

    find(ctx: Context) {
      return serve(ctx, async () => {
        const input = validate(tagListQuerySchema, ctx.query, 'tag list query');
        const { tags, pagination } = await query().listTags(input);
        return json({ data: tags, meta: { pagination } }, tagListCacheTags(tags));
      });
    },

    related(ctx: Context) {
      return serve(ctx, async () => {
        const tag = await tagFrom(ctx);
        const { limit } = validate(relatedTagsQuerySchema, ctx.query, 'related tags query');
        const related = await query().related(tag, limit);
        return json({ data: related, meta: { tag: publicTag(tag) } }, relatedTagsCacheTags(tag, related));
      });
    },

    rss(ctx: Context) {
      return serve(ctx, () => feed(ctx, 'rss'));
    },

    atom(ctx: Context) {
      return serve(ctx, () => feed(ctx, 'atom'));
    },
  };
};

export default tagPages;
