import editView from './edit-view';
import publicPermissions from './public-permissions';

export default {
  'edit-view': editView,
  'public-permissions': publicPermissions,
};
