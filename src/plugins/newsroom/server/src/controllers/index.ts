import documentImport from './document-import';
import excerpt from './excerpt';
import health from './health';
import limits from './limits';
import redirects from './redirects';
import tagAdmin from './tag-admin';
import tagPages from './tag-pages';
import webhookDeliveries from './webhook-deliveries';

export default { 'document-import': documentImport, excerpt, health, limits, redirects, 'tag-admin': tagAdmin, 'tag-pages': tagPages, 'webhook-deliveries': webhookDeliveries };
