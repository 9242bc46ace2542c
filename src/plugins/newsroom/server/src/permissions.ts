// Admin RBAC actions of the plugin, granted to roles in Settings → Roles.
export const ACTIONS = {
  read: 'plugin::newsroom.read',
  import: 'plugin::newsroom.import',
  settings: 'plugin::newsroom.settings',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'read', displayName: 'Read tag pages, excerpts and job progress' },
  { uid: 'import', displayName: 'Import documents' },
  { uid: 'settings', displayName: 'Change excerpt settings and regenerate excerpts' },
].map((action) => ({ ...action, section: 'plugins' as const, pluginName: 'newsroom' }));
