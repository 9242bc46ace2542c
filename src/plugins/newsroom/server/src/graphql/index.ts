import type { Core } from '@strapi/strapi';
import { queryCostConfig } from './query-cost';
import { resolvers, resolversConfig } from './resolvers';
import { signInMutationsConfig } from './sign-in-mutations';
import { typeDefs } from './type-defs';

/**
 * The newsroom's part of the GraphQL schema (when @strapi/plugin-graphql is
 * enabled), through the plugin's extension service: the tag and source
 * queries, the cost policy on Strapi's generated queries, and sign-in
 * mutations that follow the REST permissions. Drafts and the depth and size
 * limits are the app's GraphQL settings (config/plugins.ts, src/graphql).
 */
export function extendGraphqlSchema(strapi: Core.Strapi): void {
  if (!strapi.plugin('graphql')) return;
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs,
      resolvers: resolvers(strapi),
      resolversConfig: { ...resolversConfig, ...queryCostConfig(strapi), ...signInMutationsConfig() },
    }));
}
