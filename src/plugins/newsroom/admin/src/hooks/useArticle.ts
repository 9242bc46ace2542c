import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { ARTICLES_PATH } from '../utils/articles';

interface Article {
  documentId: string;
  title: string;
  body: unknown;
  customExcerpt: string | null;
  excerpt: string | null;
}

/** An article's latest version (the draft), read through the Content Manager. */
export function useArticle(documentId: string | null) {
  const { get } = useFetchClient();
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setArticle(null);
    setError(null);
    if (documentId === null) return undefined;
    const controller = new AbortController();
    get<{ data: Article }>(`${ARTICLES_PATH}/${documentId}`, { signal: controller.signal })
      .then(({ data }) => setArticle(data.data))
      .catch((err: Error) => {
        if (!controller.signal.aborted) setError(err.message);
      });
    return () => controller.abort();
  }, [get, documentId]);

  return { article, error };
}
