import { PLUGIN_ID } from '../../../shared/constants';

/**
 * users-permissions declares these mutations `auth: false` on GraphQL while
 * their REST routes need a permission of the caller's role (the Public
 * role's, which services/public-permissions.ts manages: sign-in always,
 * registration only with NEWSROOM_READER_REGISTRATION). Each gets the policy
 * asking for its REST route's permission (policies/rest-permission.ts).
 */
const REST_ACTIONS: Record<string, string> = {
  login: 'plugin::users-permissions.auth.callback',
  register: 'plugin::users-permissions.auth.register',
  forgotPassword: 'plugin::users-permissions.auth.forgotPassword',
  resetPassword: 'plugin::users-permissions.auth.resetPassword',
  emailConfirmation: 'plugin::users-permissions.auth.emailConfirmation',
};

export const signInMutationsConfig = () =>
  Object.fromEntries(
    Object.entries(REST_ACTIONS).map(([mutation, action]) => [
      `Mutation.${mutation}`,
      { policies: [{ name: `plugin::${PLUGIN_ID}.rest-permission`, config: { action, what: mutation } }] },
    ]),
  );
