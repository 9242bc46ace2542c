import { UIDS } from '../../../shared/constants';

/**
 * The Content Manager's path for articles: its admin API route, and under
 * the admin's base URL the list and (with `/<documentId>`) edit view pages.
 */
export const ARTICLES_PATH = `/content-manager/collection-types/${UIDS.article}`;
