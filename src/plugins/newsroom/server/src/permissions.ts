import { PLUGIN_ID, type ActionName } from '../../shared/constants';

/** How Settings → Roles lists the plugin's actions (shared/constants.ts names them). */
const DISPLAY_NAMES: Record<ActionName, string> = {
  read: 'Read tag pages, excerpts and job progress',
  import: 'Import documents',
  settings: 'Change excerpt settings and regenerate excerpts',
  tags: 'Manage tags: rename, merge and delete, with redirects',
};

export const ACTION_DEFINITIONS = Object.entries(DISPLAY_NAMES).map(([uid, displayName]) => ({
  uid,
  displayName,
  section: 'plugins' as const,
  pluginName: PLUGIN_ID,
}));
