import type { Core } from '@strapi/strapi';
import { articleExcerpt, type ArticleContent } from '../lib/content-rules';
import type { ExcerptSettings } from '../validation/excerpt-settings';
import { getService } from '../utils/get-service';

/** The excerpt the API serves for an article (lib/content-rules), with the effective settings. */
const excerpts = ({ strapi }: { strapi: Core.Strapi }) => ({
  settings(): Promise<ExcerptSettings> {
    return getService(strapi, 'excerpt-settings').get();
  },

  async compute(input: ArticleContent, settings?: ExcerptSettings): Promise<string> {
    return articleExcerpt(input, settings ?? (await this.settings()));
  },
});

export default excerpts;
