import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, TERM_INDEX, type TermKind } from '../../../shared/constants';
import type { GetRelatedTags, GetSourcePage, GetSources, GetTagPage, GetTags } from '../../../shared/contracts/tag-pages';
import { RetiredSlug } from '../http/retired-slug';
import { queryInput } from '../lib/graphql-arguments';
import type { Answer } from '../services/term-answers';
import { getService } from '../utils/get-service';
import { noteCacheable } from './cacheable-answers';

interface Context {
  state: Record<string, unknown>;
}

type Args = Record<string, unknown>;

type PagePayload = GetTagPage.Response | GetSourcePage.Response;
type ListPayload = GetTags.Response | GetSources.Response;

/** The REST route whose permission each query needs: the Public role's, as for REST. */
export const NEWSROOM_QUERY_ACTIONS = {
  newsroomTagPage: 'tag-pages.findOne',
  newsroomSourcePage: 'source-pages.findOne',
  newsroomTags: 'tag-pages.find',
  newsroomSources: 'source-pages.find',
  newsroomRelatedTags: 'tag-pages.related',
} as const;

export const resolversConfig = Object.fromEntries(
  Object.entries(NEWSROOM_QUERY_ACTIONS).map(([field, action]) => [`Query.${field}`, { auth: { scope: [`plugin::${PLUGIN_ID}.${action}`] } }]),
);

/**
 * The newsroom queries: the REST routes' answers (services/term-answers.ts),
 * through the same response cache, so a cached page costs no query on
 * either API and a change invalidates both.
 */
export function resolvers(strapi: Core.Strapi) {
  const answers = () => getService(strapi, 'term-answers');

  async function answer<T>(context: Context, field: string, args: Args, make: () => Promise<Answer>): Promise<T> {
    try {
      const built = await getService(strapi, 'response-cache').get(`graphql|${field}|${JSON.stringify(args)}`, async () => {
        const { payload, cacheTags } = await make();
        return { body: JSON.stringify(payload), type: 'application/json', cacheTags };
      });
      noteCacheable(context.state, built.cacheTags);
      return JSON.parse(built.body.toString()) as T;
    } catch (error) {
      if (!(error instanceof RetiredSlug)) throw error;
      // REST answers 301 or 410; GraphQL has no redirect: the error says where the page went.
      throw new errors.NotFoundError(error.message, { slug: error.slug, movedTo: error.to });
    }
  }

  const page = (kind: TermKind, field: string) => async (_parent: unknown, { slug, ...rest }: Args, context: Context) => {
    const { data, meta } = await answer<PagePayload>(context, field, { slug, ...rest }, () => answers().pageAnswer(kind, slug, queryInput(rest)));
    const subject = TERM_INDEX[kind].type;
    return { [subject]: (data as Record<string, unknown>)[subject], articles: data.articles, pagination: meta.pagination };
  };

  const list = (kind: TermKind, field: string) => async (_parent: unknown, args: Args, context: Context) => {
    const { data, meta } = await answer<ListPayload>(context, field, args, () => answers().listAnswer(kind, queryInput(args)));
    return { [kind]: data, pagination: meta.pagination };
  };

  return {
    Query: {
      newsroomTagPage: page('tags', 'newsroomTagPage'),
      newsroomSourcePage: page('sources', 'newsroomSourcePage'),
      newsroomTags: list('tags', 'newsroomTags'),
      newsroomSources: list('sources', 'newsroomSources'),
      async newsroomRelatedTags(_parent: unknown, { slug, ...rest }: Args, context: Context) {
        const { data, meta } = await answer<GetRelatedTags.Response>(context, 'newsroomRelatedTags', { slug, ...rest }, () =>
          answers().relatedAnswer(slug, queryInput(rest)),
        );
        return { tag: meta.tag, related: data };
      },
    },
  };
}
