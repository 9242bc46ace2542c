/**
 * Names the server and the admin share: the plugin's id, the content types it
 * works on, its own tables and its RBAC actions. Imported by both sides, never
 * copied. Pure: no Strapi import, so the admin bundle and unit tests load it.
 */
export const PLUGIN_ID = 'newsroom';

export const UIDS = {
  article: 'api::article.article',
  tag: 'api::tag.tag',
  source: 'api::source.source',
  job: 'plugin::newsroom.job',
  /** Strapi's media files: an article's cover is one. */
  file: 'plugin::upload.file',
} as const;

export type NewsroomUid = (typeof UIDS)[keyof typeof UIDS];

/** The plugin's own tables, created by database/migrations/*newsroom-*.js (which cannot import this file: they are plain JS run before the plugin loads). */
export const TABLES = {
  /** The term-page index of tags: one row per (tag, published article), keyed by `term_id`. */
  tagArticles: 'newsroom_tag_articles',
  /** Per tag, its published article count. */
  tagCounts: 'newsroom_tag_counts',
  /** The same index design for sources (one engine, two uses: TERM_INDEX). */
  sourceArticles: 'newsroom_source_articles',
  sourceCounts: 'newsroom_source_counts',
  /** Per pair of tags, the published articles they share (related tags, ranked by its index). */
  tagPairs: 'newsroom_tag_pairs',
  /** One row: the sequence number of the last committed change (services/page-versions.ts). */
  contentVersion: 'newsroom_content_version',
  /** Per cache tag, the change that last touched it. */
  pageVersions: 'newsroom_page_versions',
  /** Change sets written in their writer's transaction, waiting to be announced. */
  changeOutbox: 'newsroom_change_outbox',
  /** One row per webhook and event: what was sent, what is owed, what failed. */
  webhookDeliveries: 'newsroom_webhook_deliveries',
  /** Retired slugs of tags, sources and articles: where each now redirects (or that it is gone). */
  redirects: 'newsroom_redirects',
  /** Every name, alias and slug of tags and sources, as search and lookup keys (server/src/lib/term-names.ts). */
  termNames: 'newsroom_term_names',
} as const;

/** The taxonomies with public pages, as an article's relations name them. */
export const TERM_KINDS = ['tags', 'sources'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/**
 * Per taxonomy: its content type, its index tables and its singular name
 * (redirects, name rows, cache tags); `pairs`, where the taxonomy has related
 * terms (tags), its co-occurrence table.
 */
export const TERM_INDEX = {
  tags: { uid: UIDS.tag, pages: TABLES.tagArticles, counts: TABLES.tagCounts, pairs: TABLES.tagPairs, type: 'tag' },
  sources: { uid: UIDS.source, pages: TABLES.sourceArticles, counts: TABLES.sourceCounts, pairs: null, type: 'source' },
} as const satisfies Record<TermKind, { uid: NewsroomUid; pages: string; counts: string; pairs: string | null; type: string }>;

/** What a redirect or a name row belongs to. */
export const REDIRECT_TYPES = ['tag', 'source', 'article'] as const;
export type RedirectType = (typeof REDIRECT_TYPES)[number];

/** The webhook event of a change to public pages (Settings → Webhooks stores it like Strapi's own). */
export const PAGES_CHANGED_EVENT = 'newsroom.pages.changed';
/** The key webhookStore.addAllowedEvent registers it under. */
export const PAGES_CHANGED_EVENT_KEY = 'NEWSROOM_PAGES_CHANGED';

/** Admin RBAC actions, granted to roles in Settings → Roles. */
export const ACTION_NAMES = ['read', 'import', 'settings', 'tags'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
export const ACTIONS: Record<ActionName, `plugin::${typeof PLUGIN_ID}.${ActionName}`> = {
  read: 'plugin::newsroom.read',
  import: 'plugin::newsroom.import',
  settings: 'plugin::newsroom.settings',
  tags: 'plugin::newsroom.tags',
};

/**
 * The content-API action of `GET /api/newsroom/preview`: an API token of type
 * Custom that holds it may read drafts (`status=draft`) on the read routes it
 * may call. The Public and Authenticated roles never get it (services/public-permissions.ts).
 */
export const PREVIEW_HANDLER = 'preview.check';
export const PREVIEW_ACTION = `plugin::${PLUGIN_ID}.${PREVIEW_HANDLER}` as const;
