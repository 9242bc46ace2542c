/**
 * The Content Manager's Preview button opens the frontend's preview route
 * (config/admin.ts): what is being previewed goes in its query string, with
 * the shared secret the frontend checks before it enters draft mode (Next.js
 * `draftMode().enable()`, Nuxt preview). Pure.
 */

/** The content types with a page of their own, by what the frontend calls them. */
export const PREVIEW_TYPES = {
  'api::article.article': 'article',
  'api::tag.tag': 'tag',
  'api::source.source': 'source',
} as const;
export type PreviewUid = keyof typeof PREVIEW_TYPES;

export const isPreviewUid = (uid: string): uid is PreviewUid => Object.hasOwn(PREVIEW_TYPES, uid);

export interface PreviewTarget {
  type: (typeof PREVIEW_TYPES)[PreviewUid];
  slug: string;
  documentId: string;
  /** The version the editor is looking at: a tag or source page previews its articles' drafts. */
  status: 'draft' | 'published';
}

export function previewUrl(base: string, secret: string, target: PreviewTarget): string {
  const url = new URL(base);
  url.searchParams.set('secret', secret);
  url.searchParams.set('type', target.type);
  url.searchParams.set('slug', target.slug);
  url.searchParams.set('documentId', target.documentId);
  url.searchParams.set('status', target.status);
  return url.toString();
}

/** The preview settings from the environment: both or neither (a preview link without a secret would let anyone enter draft mode). */
export function previewSettings(url: string | undefined, secret: string | undefined): { url: string; secret: string } | null {
  if (!url && !secret) return null;
  if (!url || !secret) throw new Error('NEWSROOM_PREVIEW_URL and NEWSROOM_PREVIEW_SECRET go together: set both to enable the Preview button, or neither');
  new URL(url); // a clear error at boot for a malformed address
  return { url, secret };
}
