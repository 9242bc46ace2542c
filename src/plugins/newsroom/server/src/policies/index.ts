import restPermission from './rest-permission';

export default {
  'rest-permission': restPermission,
};
