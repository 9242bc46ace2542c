import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sitemapCacheTags } from '../lib/changes';
import { NEWS_SITEMAP_FILE, parseFileNumber, SITEMAP_SECTIONS, sitemapBase, sitemapFileName, type SitemapSection } from '../lib/sitemap/sitemap-files';
import { newsSitemapXml, sitemapIndexXml, urlSetXml } from '../lib/sitemap/sitemap-xml';
import type { Built } from '../services/response-cache';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../utils/plugin-config';

const XML_TYPE = 'application/xml; charset=utf-8';

/**
 * The sitemaps (sitemaps.org, and Google News): an index, then files of
 * articles, tags and sources by fixed id ranges (lib/sitemap/sitemap-files.ts),
 * each through the response cache with an ETag, like every public route.
 */
const sitemapsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'sitemaps');
  // Sitemaps read no parameter: `?anything` is the same cached file, not a new build of up to 50,000 URLs.
  const serve = (ctx: Context, make: () => Promise<Built>) => getService(strapi, 'response-cache').serve(ctx, make, { ignoreQuery: true });
  const xml = (body: string, cacheTags: string[]): Built => ({ body, type: XML_TYPE, cacheTags });
  const base = () => sitemapBase(pluginConfig(strapi, 'sitemaps').baseUrl, String(strapi.config.get('server.absoluteUrl')));

  async function file(ctx: Context, section: SitemapSection, param: string): Promise<Built> {
    const n = parseFileNumber(param);
    // File 1 always exists (empty on an empty site); past the highest id, none.
    if (n === null || n > Math.max(await service().lastFile(section), 1)) throw new errors.NotFoundError(`No sitemap at ${ctx.path}`);
    return xml(urlSetXml(await service().urls(section, n)), sitemapCacheTags(section));
  }

  const fileRoute = (section: SitemapSection, fixed?: string) => (ctx: Context) =>
    serve(ctx, () => file(ctx, section, fixed ?? String(ctx.params.n)));

  return {
    index(ctx: Context) {
      return serve(ctx, async () => {
        const [news, ...sections] = await Promise.all([service().news(new Date()), ...SITEMAP_SECTIONS.map((s) => service().filesOf(s))]);
        const files = SITEMAP_SECTIONS.flatMap((section, i) =>
          sections[i].map(({ n, lastmod }) => ({ loc: `${base()}/${sitemapFileName(section, n)}`, lastmod })),
        );
        files.push({ loc: `${base()}/${NEWS_SITEMAP_FILE}`, lastmod: news[0]?.publishedAt ?? null });
        return xml(sitemapIndexXml(files), sitemapCacheTags('index'));
      });
    },

    news(ctx: Context) {
      return serve(ctx, async () => {
        const publication = { name: pluginConfig(strapi, 'tagPages').siteName, language: pluginConfig(strapi, 'sitemaps').language };
        return xml(newsSitemapXml(await service().news(new Date()), publication), sitemapCacheTags('news'));
      });
    },

    articles: fileRoute('articles'),
    tags: fileRoute('tags', '1'),
    tagsFile: fileRoute('tags'),
    sources: fileRoute('sources', '1'),
    sourcesFile: fileRoute('sources'),
  };
};

export default sitemapsController;
