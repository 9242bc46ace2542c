import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type { DeleteTag, MergeTags, RenameTag } from '../../../shared/contracts/tag-admin';
import { MERGE_ROUTE, tagRoute } from '../utils/tagAdminRoutes';
import { withQuery } from '../utils/withQuery';

export type RenameChanges = Omit<RenameTag.Request['body'], 'dryRun'>;

/** Rename, merge and delete; each either a dry run (what would happen, nothing written) or the change itself. */
export function useTagLifecycle() {
  const { put, post, del } = useFetchClient();
  return useMemo(
    () => ({
      rename: async (slug: string, changes: RenameChanges, dryRun: boolean) =>
        (await put<RenameTag.Response, RenameTag.Request['body']>(tagRoute(slug), { ...changes, dryRun })).data.data,
      merge: async (from: string[], into: string, dryRun: boolean) =>
        (await post<MergeTags.Response, MergeTags.Request['body']>(MERGE_ROUTE, { from, into, dryRun })).data.data,
      remove: async (slug: string, redirectTo: string | null, dryRun: boolean) => {
        const query: DeleteTag.Request['query'] = { redirectTo: redirectTo ?? undefined, dryRun: dryRun ? 'true' : 'false' };
        return (await del<DeleteTag.Response>(withQuery(tagRoute(slug), query))).data.data;
      },
    }),
    [put, post, del],
  );
}
