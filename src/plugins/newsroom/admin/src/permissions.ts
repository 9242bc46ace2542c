import { ACTIONS, type ActionName } from '../../shared/constants';

// Plugin actions have no subject: `subject: null` is what the user's
// permissions carry, and Page.Protect compares it.
const action = (name: ActionName) => [{ action: ACTIONS[name], subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  import: action('import'),
  settings: action('settings'),
  tags: action('tags'),
};
