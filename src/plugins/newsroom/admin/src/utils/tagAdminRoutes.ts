// The admin's tag lifecycle routes (shared/contracts/tag-admin.ts), served
// without the /api prefix to admin users holding "Manage tags".

export const TAGS_ROUTE = '/newsroom/tags';
export const MERGE_ROUTE = '/newsroom/tags/merge';
export const REDIRECTS_ROUTE = '/newsroom/redirects';

export const tagRoute = (slug: string) => `${TAGS_ROUTE}/${encodeURIComponent(slug)}`;
