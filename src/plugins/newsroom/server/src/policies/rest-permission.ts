import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface Config {
  /** The content-API action the caller's role (or token) must hold: a REST route's permission. */
  action: string;
  /** What is refused, for the message. */
  what: string;
}

interface PolicyContext {
  state: { auth?: unknown };
}

/**
 * Lets a request through only when its caller may call the REST route of
 * `action`: for GraphQL mutations that their plugin declares open
 * (graphql/sign-in-mutations.ts), so both APIs decide alike.
 */
const restPermission = async (policyContext: PolicyContext, config: Config, { strapi }: { strapi: Core.Strapi }) => {
  try {
    await strapi.auth.verify(policyContext.state.auth as never, { scope: [config.action] });
    return true;
  } catch {
    throw new errors.ForbiddenError(`${config.what} is not open: the caller's role lacks ${config.action}, as on REST`);
  }
};

export default restPermission;
