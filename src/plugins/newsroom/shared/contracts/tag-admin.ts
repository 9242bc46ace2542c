/**
 * The admin's tag lifecycle routes (server/src/routes/admin.ts, permission
 * "Manage tags": ACTIONS.tags): list, rename, merge, delete, and the redirects
 * they leave. Types only; the server validates with validation/tag-admin.ts.
 */
import type { Pagination } from './tag-pages';
import type { Redirect } from './redirects';

export interface AdminTag {
  documentId: string;
  name: string;
  slug: string;
  aliases: string[];
  /** Published articles with this tag. */
  articleCount: number;
  /** Articles with this tag that were never published (a draft and no published version). */
  unpublishedCount: number;
}

export type AdminTagSort = 'name' | 'count' | 'unpublished';

/** GET /newsroom/tags?q&sort&page&pageSize: every tag, searched by name, slug or alias (prefix or whole word). */
export declare namespace ListAdminTags {
  interface Request {
    query: { q?: string; sort?: AdminTagSort; page?: number; pageSize?: number };
  }
  interface Response {
    data: AdminTag[];
    meta: { pagination: Pagination };
  }
}

/** A redirect a change will leave, or removes because a tag takes its slug again. */
export interface RedirectChange {
  from: string;
  /** null: the slug answers 410 Gone. */
  to: string | null;
}

/** PUT /newsroom/tags/:slug: rename (name, slug or both); `dryRun` reports what would happen and writes nothing. */
export declare namespace RenameTag {
  interface Request {
    params: { slug: string };
    body: { name?: string; slug?: string; dryRun?: boolean };
  }
  interface Response {
    data: {
      tag: AdminTag;
      /** Redirects the rename leaves (the old slug, and older ones now pointing at the new slug). */
      redirects: RedirectChange[];
      /** Redirects removed because the new slug was one of them: links to it will show this tag. */
      released: RedirectChange[];
      dryRun: boolean;
    };
  }
}

/** POST /newsroom/tags/merge: every article of `from` joins `into`; the `from` tags go, their slugs redirect to `into`. */
export declare namespace MergeTags {
  interface Request {
    body: { from: string[]; into: string; dryRun?: boolean };
  }
  interface Response {
    data: {
      /** Article documents that gain the `into` tag. */
      articlesMoved: number;
      /** Article documents of the `from` tags that already had `into`. */
      articlesAlreadyTagged: number;
      tagsRemoved: number;
      redirects: RedirectChange[];
      /** `into` after the merge (or as it would be). */
      tag: AdminTag;
      dryRun: boolean;
    };
  }
}

/** DELETE /newsroom/tags/:slug?redirectTo=&dryRun=: articles lose the tag; its slug redirects to `redirectTo` or answers 410. */
export declare namespace DeleteTag {
  interface Request {
    params: { slug: string };
    query: { redirectTo?: string; dryRun?: 'true' | 'false' };
  }
  interface Response {
    data: {
      /** Article documents that lose the tag. */
      articlesUntagged: number;
      redirects: RedirectChange[];
      dryRun: boolean;
    };
  }
}

/** GET /newsroom/redirects?type&page&pageSize: the same list as the public route, for the Tags page. */
export declare namespace ListAdminRedirects {
  interface Request {
    query: { type?: Redirect['type']; page?: number; pageSize?: number };
  }
  interface Response {
    data: Redirect[];
    meta: { pagination: Pagination };
  }
}
