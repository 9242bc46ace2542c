import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { ListAdminTags } from '../../../../shared/contracts/tag-admin';
import { useAdminQuery } from '../../hooks/useAdminQuery';
import { useMessage } from '../../hooks/useMessage';
import { TAGS_ROUTE } from '../../utils/tagAdminRoutes';
import { withQuery } from '../../utils/withQuery';

const PAGE_SIZE = 20;

interface AdminTagPickerProps {
  name: string;
  label: string;
  value: string | null;
  onChange(slug: string | null): void;
  /** Slugs that may not be chosen (the tags being merged or deleted). */
  exclude: string[];
}

/**
 * A tag chosen by what the editor types, searched by the server (name, slug
 * or alias) 20 at a time, so it works whatever the number of tags.
 */
export const AdminTagPicker = ({ name, label, value, onChange, exclude }: AdminTagPickerProps) => {
  const message = useMessage();
  const [search, setSearch] = useState('');
  const q = useDebounce(search, 300);
  const found = useAdminQuery<ListAdminTags.Response>(withQuery(TAGS_ROUTE, { q: q.trim(), sort: 'name', pageSize: PAGE_SIZE }));
  const options = (found.data?.data ?? []).filter((tag) => !exclude.includes(tag.slug));

  return (
    <Field.Root name={name} error={found.error?.message} hint={message('tagAdmin.picker.hint', 'Type a name, slug or alias')}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        aria-label={label}
        // The server has already matched aliases and slugs: the options are not filtered again by their names.
        autocomplete="none"
        placeholder={message('tagAdmin.picker.placeholder', 'Search tags')}
        value={value ?? undefined}
        onChange={(slug) => onChange(slug ?? null)}
        onClear={() => onChange(null)}
        onInputChange={(event) => setSearch(event.currentTarget.value)}
        loading={found.isLoading}
        noOptionsMessage={() => message('tagAdmin.picker.none', 'No tag matches')}
      >
        {options.map((tag) => (
          <ComboboxOption key={tag.slug} value={tag.slug} textValue={tag.name}>
            {message('tagAdmin.picker.option', '{name} ({slug}, {count, plural, one {# published article} other {# published articles}})', {
              name: tag.name,
              slug: tag.slug,
              count: tag.articleCount,
            })}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
