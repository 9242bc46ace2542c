import { createContentApiRoutesFactory } from '@strapi/utils';

// Every content-api route is public and read-only: the Public role is granted
// exactly these actions at bootstrap (services/public-permissions.ts).
export default createContentApiRoutesFactory(() => [
  {
    method: 'GET' as const,
    path: '/health',
    handler: 'health.index',
    config: { policies: [] },
  },
]);
