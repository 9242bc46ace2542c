export const ARTICLE_UID = 'api::article.article';

/**
 * The Content Manager's path for articles: its admin API route, and under
 * the admin's base URL the list and (with `/<documentId>`) edit view pages.
 */
export const ARTICLES_PATH = `/content-manager/collection-types/${ARTICLE_UID}`;
