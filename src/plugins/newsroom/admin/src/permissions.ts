// The admin RBAC actions the server registers (server/src/permissions.ts).
// Plugin actions have no subject: `subject: null` is what the user's
// permissions carry, and Page.Protect compares it.
const action = (name: 'read' | 'import' | 'settings') => [{ action: `plugin::newsroom.${name}`, subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  import: action('import'),
  settings: action('settings'),
};
