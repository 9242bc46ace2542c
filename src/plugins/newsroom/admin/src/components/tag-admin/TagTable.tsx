import { Checkbox, Flex, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import type { AdminTag } from '../../../../shared/contracts/tag-admin';
import { useMessage } from '../../hooks/useMessage';

interface TagTableProps {
  tags: AdminTag[];
  /** Slugs ticked for a merge (kept across pages and searches). */
  selected: ReadonlySet<string>;
  onSelect(tag: AdminTag, selected: boolean): void;
  onRename(tag: AdminTag): void;
  onDelete(tag: AdminTag): void;
}

/** One page of tags: names, slugs, aliases, both counts; a box to tick for a merge, rename and delete. */
export const TagTable = ({ tags, selected, onSelect, onRename, onDelete }: TagTableProps) => {
  const message = useMessage();
  const headings = [
    message('tagAdmin.table.name', 'Name'),
    message('tagAdmin.table.slug', 'Slug'),
    message('tagAdmin.table.aliases', 'Aliases'),
    message('tagAdmin.table.published', 'Published'),
    message('tagAdmin.table.unpublished', 'Never published'),
    message('tagAdmin.table.actions', 'Actions'),
  ];

  return (
    <Table colCount={headings.length + 1} rowCount={tags.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{message('tagAdmin.table.merge', 'Merge')}</Typography>
          </Th>
          {headings.map((label) => (
            <Th key={label}>
              <Typography variant="sigma">{label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {tags.map((tag) => (
          <Tr key={tag.documentId} data-testid="tag-row" data-slug={tag.slug}>
            <Td>
              <Checkbox
                aria-label={message('tagAdmin.table.select', 'Select {name} for a merge', { name: tag.name })}
                checked={selected.has(tag.slug)}
                onCheckedChange={(checked) => onSelect(tag, checked === true)}
              />
            </Td>
            <Td>
              <Typography fontWeight="bold" data-testid="tag-name">
                {tag.name}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="tag-slug">{tag.slug}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" data-testid="tag-aliases">
                {tag.aliases.join(', ') || '—'}
              </Typography>
            </Td>
            <Td>
              <Typography data-testid="tag-published">{tag.articleCount}</Typography>
            </Td>
            <Td>
              <Typography data-testid="tag-unpublished">{tag.unpublishedCount}</Typography>
            </Td>
            <Td>
              <Flex gap={1}>
                <IconButton label={message('tagAdmin.table.rename', 'Rename {name}', { name: tag.name })} variant="ghost" onClick={() => onRename(tag)}>
                  <Pencil />
                </IconButton>
                <IconButton label={message('tagAdmin.table.delete', 'Delete {name}', { name: tag.name })} variant="ghost" onClick={() => onDelete(tag)}>
                  <Trash />
                </IconButton>
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
