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
} as const;

export type NewsroomUid = (typeof UIDS)[keyof typeof UIDS];

/** The plugin's own tables, created by database/migrations/*newsroom-*.js (which cannot import this file: they are plain JS run before the plugin loads). */
export const TABLES = {
  tagArticles: 'newsroom_tag_articles',
  tagCounts: 'newsroom_tag_counts',
  contentVersion: 'newsroom_content_version',
} as const;

/** Admin RBAC actions, granted to roles in Settings → Roles. */
export const ACTION_NAMES = ['read', 'import', 'settings'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
export const ACTIONS: Record<ActionName, `plugin::${typeof PLUGIN_ID}.${ActionName}`> = {
  read: 'plugin::newsroom.read',
  import: 'plugin::newsroom.import',
  settings: 'plugin::newsroom.settings',
};
