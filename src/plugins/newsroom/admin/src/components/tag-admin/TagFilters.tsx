import { Box, Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { AdminTagSort } from '../../../../shared/contracts/tag-admin';
import { useMessage } from '../../hooks/useMessage';

interface TagFiltersProps {
  search: string;
  sort: AdminTagSort;
  onSearch(search: string): void;
  onSort(sort: AdminTagSort): void;
}

/** The search box (name, slug or alias, matched by the server) and the order of the list. */
export const TagFilters = ({ search, sort, onSearch, onSort }: TagFiltersProps) => {
  const message = useMessage();
  const sortLabels: Record<AdminTagSort, string> = {
    name: message('tagAdmin.sort.name', 'Name'),
    count: message('tagAdmin.sort.count', 'Most published articles'),
    unpublished: message('tagAdmin.sort.unpublished', 'Most never-published articles'),
  };
  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      <Box grow={1}>
        <Searchbar
          name="q"
          value={search}
          placeholder={message('tagAdmin.search.placeholder', 'Search by name, slug or alias')}
          clearLabel={message('tagAdmin.search.clear', 'Clear the search')}
          onChange={(event) => onSearch(event.target.value)}
          onClear={() => onSearch('')}
        >
          {message('tagAdmin.search.label', 'Search tags')}
        </Searchbar>
      </Box>
      <SingleSelect aria-label={message('tagAdmin.sort.label', 'Sort by')} value={sort} onChange={(value) => onSort(value as AdminTagSort)}>
        {(Object.keys(sortLabels) as AdminTagSort[]).map((key) => (
          <SingleSelectOption key={key} value={key}>
            {sortLabels[key]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
