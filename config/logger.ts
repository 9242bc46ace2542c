import type { Core } from '@strapi/strapi';

// Merged into Strapi's default logger: LOG_LEVEL=warn quiets request logs (tests, benchmarks).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
