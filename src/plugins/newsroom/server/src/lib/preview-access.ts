import { PREVIEW_ACTION } from '../../../shared/constants';

/** What Strapi's content-API authentication leaves in `ctx.state.auth` (the parts read here). */
export interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { type?: string; permissions?: unknown } | null;
}

/**
 * Whether a request may read drafts: only an API token of type Custom that
 * holds the preview action (Settings → API Tokens → Newsroom → preview). Not
 * a full-access token (it is not meant for a frontend), not a read-only one
 * (it cannot be told apart from any other reader's), not a role: the Public
 * and Authenticated roles never read drafts. Pure.
 */
export function mayReadDrafts(auth: RequestAuth | undefined): boolean {
  if (auth?.strategy?.name !== 'content-api-token' || auth.credentials?.type !== 'custom') return false;
  const { permissions } = auth.credentials;
  return Array.isArray(permissions) && permissions.includes(PREVIEW_ACTION);
}

/** Drafts are for one editor's eyes: no shared cache may keep them. */
export const PREVIEW_CACHE_CONTROL = 'private, no-store';
