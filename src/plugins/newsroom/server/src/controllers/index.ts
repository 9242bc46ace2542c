import documentImport from './document-import';
import excerpt from './excerpt';
import health from './health';
import limits from './limits';
import preview from './preview';
import redirects from './redirects';
import sitemaps from './sitemaps';
import tagAdmin from './tag-admin';
import termPages from './term-pages';
import webhookDeliveries from './webhook-deliveries';

export default {
  'document-import': documentImport,
  excerpt,
  health,
  limits,
  preview,
  redirects,
  sitemaps,
  'tag-admin': tagAdmin,
  'tag-pages': termPages('tags'),
  'source-pages': termPages('sources'),
  'webhook-deliveries': webhookDeliveries,
};
