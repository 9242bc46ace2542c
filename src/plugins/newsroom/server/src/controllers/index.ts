import documentImport from './document-import';
import excerpt from './excerpt';
import health from './health';
import tagPages from './tag-pages';

export default { 'document-import': documentImport, excerpt, health, 'tag-pages': tagPages };
