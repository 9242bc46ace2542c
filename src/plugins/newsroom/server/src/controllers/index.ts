import excerpt from './excerpt';
import health from './health';
import tagPages from './tag-pages';

export default { excerpt, health, 'tag-pages': tagPages };
