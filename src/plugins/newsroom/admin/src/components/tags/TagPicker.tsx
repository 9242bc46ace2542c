import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { GetTags, TagSummary } from '../../../../shared/contracts/tag-pages';
import { getTranslation } from '../../utils/getTranslation';
import { fetchPublic } from '../../utils/publicApi';

interface TagPickerProps {
  value: string | null;
  onChange(slug: string | null): void;
}

const PAGE_SIZE = 100;

/**
 * Every tag, by name, a page of 100 at a time: the list grows as the editor
 * scrolls, or types a name that narrows the loaded tags below the fold.
 */
export const TagPicker = ({ value, onChange }: TagPickerProps) => {
  const { formatMessage } = useIntl();
  const [tags, setTags] = useState<TagSummary[]>([]);
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(1);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    fetchPublic<GetTags.Response>(
      `/api/newsroom/tags?all=true&sort=name&pageSize=${PAGE_SIZE}&page=${page}`,
      controller.signal,
    )
      .then(({ data, meta }) => {
        setTags((loaded) => (page === 1 ? data : [...loaded, ...data]));
        setPageCount(meta.pagination.pageCount);
        setIsLoading(false);
      })
      .catch((err: Error) => {
        if (controller.signal.aborted) return;
        setError(err.message);
        setIsLoading(false);
      });
    return () => controller.abort();
  }, [page]);

  const label = formatMessage({ id: getTranslation('tags.picker.label'), defaultMessage: 'Tag' });
  return (
    <Field.Root name="tag" error={error ?? undefined} hint={formatMessage({ id: getTranslation('tags.picker.hint'), defaultMessage: 'Type to search by name' })}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        aria-label={label}
        placeholder={formatMessage({ id: getTranslation('tags.picker.placeholder'), defaultMessage: 'Choose a tag' })}
        autocomplete={{ type: 'list', filter: 'contains' }}
        value={value ?? undefined}
        onChange={(slug) => onChange(slug ?? null)}
        onClear={() => onChange(null)}
        loading={isLoading}
        hasMoreItems={page < pageCount}
        onLoadMore={() => setPage((current) => current + 1)}
        noOptionsMessage={() => formatMessage({ id: getTranslation('tags.picker.none'), defaultMessage: 'No tag with that name' })}
      >
        {tags.map((tag) => (
          <ComboboxOption key={tag.slug} value={tag.slug} textValue={tag.name}>
            {formatMessage(
              { id: getTranslation('tags.picker.option'), defaultMessage: '{name} ({count, plural, one {# article} other {# articles}})' },
              { name: tag.name, count: tag.articleCount },
            )}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
