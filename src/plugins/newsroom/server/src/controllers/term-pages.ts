import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { TERM_INDEX, type TermKind } from '../../../shared/constants';
import { pageUrl } from '../lib/changes';
import { renderListing } from '../lib/render-tag-listing';
import { buildTagFeed } from '../lib/tag-feed';
import { RetiredSlug, sendRetired } from '../http/retired-slug';
import { mayReadDrafts, PREVIEW_CACHE_CONTROL } from '../lib/preview-access';
import type { Built } from '../services/response-cache';
import { DEFAULT_PAGE_SIZE, publicTerm, SUBJECT, type Answer } from '../services/term-answers';
import type { TermPage, TermRecord } from '../services/term-page-query';
import { termPageQuerySchema } from '../validation/tag-pages';
import { validate } from '../validation/validate';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

const FEED_SIZE = 20;
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The public pages of a tag or a source (routes/content-api.ts builds the
 * same routes for both): JSON, the seed's text format, RSS and Atom, and the
 * list; related tags for tags. One controller, two uses.
 */
const termPages =
  (kind: TermKind) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const query = () => getService(strapi, 'term-page-query');
    const answers = () => getService(strapi, 'term-answers');
    const config = () => pluginConfig(strapi, 'tagPages');
    const { type } = TERM_INDEX[kind];
    // Every route answers through the response cache (a preview excepted); errors thrown while building are never cached.
    // A retired slug answers 301 or 410 (http/retired-slug.ts), uncached: it costs two indexed lookups.
    const answer = async (ctx: Context, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        if (!(error instanceof RetiredSlug)) throw error;
        sendRetired(ctx, error, { kind: type, origin: origin(), maxAge: config().redirectMaxAge });
      }
    };
    const serve = (ctx: Context, make: () => Promise<Built>) => answer(ctx, () => getService(strapi, 'response-cache').serve(ctx, make));
    // Not ctx.origin: the Host header is the client's to choose, and the answer is cached publicly.
    const origin = () => String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
    const json = ({ payload, cacheTags }: Answer): Built => ({ body: JSON.stringify(payload), type: JSON_TYPE, cacheTags });
    const pageTags = (page: TermPage) => answers().pageTags(kind, page);
    const termFrom = (ctx: Context) => answers().term(kind, ctx.params.slug);
    const pageFrom = (ctx: Context, term: TermRecord) => answers().page(kind, term, ctx.query);

    /** `?status=draft`: the page's drafts, for a preview token only, never cached (services/term-preview.ts). */
    async function preview(ctx: Context): Promise<void> {
      // A PolicyError: Strapi answers any other ForbiddenError thrown past its authorization with a bare "Forbidden".
      if (!mayReadDrafts(ctx.state.auth)) throw new errors.PolicyError('status=draft needs an API token with the Newsroom preview permission');
      const input = validate(termPageQuerySchema, ctx.query, `${type} page query`);
      if (input.after !== undefined) throw new errors.ValidationError('a preview pages by page number: use page, not after');
      const term = await termFrom(ctx);
      const request = { page: input.page ?? 1, pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE };
      const { articles, pagination } = await getService(strapi, 'term-preview').page(kind, term, request);
      ctx.set('Cache-Control', PREVIEW_CACHE_CONTROL);
      ctx.body = { data: { [SUBJECT[kind]]: publicTerm(term), articles }, meta: { pagination, preview: true } };
    }

    const text = (page: TermPage): Built => ({
      body: renderListing(kind, page.term.name, page.articles.map((a) => ({ title: a.title, excerpt: a.excerpt ?? '' }))),
      type: 'text/plain; charset=utf-8',
      cacheTags: pageTags(page),
    });

    async function feed(ctx: Context, format: 'rss' | 'atom'): Promise<Built> {
      const term = await termFrom(ctx);
      const page = await query().page(kind, term, { pageSize: FEED_SIZE, page: 1 });
      const { siteName, articleUrl } = config();
      const changes = pluginConfig(strapi, 'changes');
      const base = `${origin()}${ctx.path.replace(/\/feed\.(xml|atom)$/, '')}`;
      const body = buildTagFeed(
        {
          kind,
          tag: publicTerm(term),
          pageUrl: pageUrl(kind === 'tags' ? changes.tagUrl : changes.sourceUrl, term.slug),
          articles: page.articles.map((a) => ({ ...a, publishedAt: new Date(a.publishedAt) })),
          siteName,
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
        if (ctx.query.status === 'draft') return answer(ctx, () => preview(ctx));
        return serve(ctx, async () => {
          if (ctx.accepts('application/json', 'text/plain') === 'text/plain') return text(await pageFrom(ctx, await termFrom(ctx)));
          return json(await answers().pageAnswer(kind, ctx.params.slug, ctx.query));
        });
      },

      findOneText(ctx: Context) {
        return serve(ctx, async () => text(await pageFrom(ctx, await termFrom(ctx))));
      },

      find(ctx: Context) {
        return serve(ctx, async () => json(await answers().listAnswer(kind, ctx.query)));
      },

      rss(ctx: Context) {
        return serve(ctx, () => feed(ctx, 'rss'));
      },

      atom(ctx: Context) {
        return serve(ctx, () => feed(ctx, 'atom'));
      },

      // Tags only: the tags sharing the most published articles with this one.
      ...(kind === 'tags'
        ? {
            related(ctx: Context) {
              return serve(ctx, async () => json(await answers().relatedAnswer(ctx.params.slug, ctx.query)));
            },
          }
        : {}),
    };
  };

export default termPages;
