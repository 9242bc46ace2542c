import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { GetTags, TagSummary } from '../../../../shared/contracts/tag-pages';
import { getTranslation } from '../../utils/getTranslation';
import { fetchPublic } from '../../utils/publicApi';
import { withQuery } from '../../utils/withQuery';

interface TagPickerProps {
  value: string | null;
  onChange(slug: string | null): void;
}

const PAGE_SIZE = 100;
// The public list refuses a q with no letter or digit: nothing to match by.
const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);

/**
 * Every tag, by name, a page of 100 at a time as the editor scrolls; what
 * the editor types is searched by the public list (`q`: name, slug or alias,
 * by prefix or whole word), so any tag of thousands is found.
 */
export const TagPicker = ({ value, onChange }: TagPickerProps) => {
  const { formatMessage } = useIntl();
  const [tags, setTags] = useState<TagSummary[]>([]);
  const [search, setSearch] = useState('');
  const q = useDebounce(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(1);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setPage(1), [q]);

  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    fetchPublic<GetTags.Response>(
      withQuery('/api/newsroom/tags', { all: 'true', sort: 'name', pageSize: PAGE_SIZE, page, q: searchable(q) ? q : undefined }),
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
  }, [page, q]);

  const label = formatMessage({ id: getTranslation('tags.picker.label'), defaultMessage: 'Tag' });
  return (
    <Field.Root name="tag" error={error ?? undefined} hint={formatMessage({ id: getTranslation('tags.picker.hint'), defaultMessage: 'Type a name, slug or alias' })}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        aria-label={label}
        placeholder={formatMessage({ id: getTranslation('tags.picker.placeholder'), defaultMessage: 'Choose a tag' })}
        // The server has matched names, slugs and aliases: the options are not filtered again.
        autocomplete="none"
        value={value ?? undefined}
        onChange={(slug) => onChange(slug ?? null)}
        onClear={() => onChange(null)}
        onInputChange={(event) => setSearch(event.currentTarget.value)}
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
