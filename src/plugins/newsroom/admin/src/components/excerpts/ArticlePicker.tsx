import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useDebounce, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ARTICLES_PATH } from '../../utils/articles';
import { getTranslation } from '../../utils/getTranslation';

interface ArticleOption {
  documentId: string;
  title: string;
}

interface ArticlePickerProps {
  value: string | null;
  onChange(documentId: string | null): void;
}

/**
 * Searches articles (drafts included) through the Content Manager's own
 * route, so it shows what this editor may read; the newest are listed first,
 * and the first is chosen when nothing is.
 */
export const ArticlePicker = ({ value, onChange }: ArticlePickerProps) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [search, setSearch] = useState('');
  const query = useDebounce(search, 300);
  const [articles, setArticles] = useState<ArticleOption[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setIsLoading(true);
    get<{ results: ArticleOption[] }>(ARTICLES_PATH, { params: { page: 1, pageSize: 20, sort: 'updatedAt:DESC', _q: query || undefined } })
      .then(({ data }) => {
        setArticles(data.results);
        setError(null);
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setIsLoading(false));
  }, [get, query]);

  useEffect(() => {
    if (value === null && articles.length > 0 && query === '') onChange(articles[0].documentId);
  }, [articles, value, query, onChange]);

  const label = formatMessage({ id: getTranslation('excerpts.article.label'), defaultMessage: 'Article' });
  return (
    <Field.Root name="article" error={error ?? undefined}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        aria-label={label}
        autocomplete={{ type: 'list', filter: 'contains' }}
        placeholder={formatMessage({ id: getTranslation('excerpts.article.placeholder'), defaultMessage: 'Search articles by title' })}
        value={value ?? undefined}
        onChange={(documentId) => onChange(documentId ?? null)}
        onInputChange={(event) => setSearch(event.currentTarget.value)}
        loading={isLoading}
        noOptionsMessage={() => formatMessage({ id: getTranslation('excerpts.article.none'), defaultMessage: 'No article found' })}
      >
        {articles.map((article) => (
          <ComboboxOption key={article.documentId} value={article.documentId} textValue={article.title}>
            {article.title}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Error />
    </Field.Root>
  );
};
