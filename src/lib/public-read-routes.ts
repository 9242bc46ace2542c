/**
 * Route config of the stock read routes of the public content types
 * (find, findOne): published versions only, and a query the cost policy of
 * the newsroom plugin accepts (its lib/query-policy).
 */
export function publicReadRoutes(uid: string, { find = [] }: { find?: string[] } = {}) {
  const middlewares = ['plugin::newsroom.published-only', { name: 'plugin::newsroom.public-query', config: { uid } }];
  return { find: { middlewares: [...middlewares, ...find] }, findOne: { middlewares } };
}
