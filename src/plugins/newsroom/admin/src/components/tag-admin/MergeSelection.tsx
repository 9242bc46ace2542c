import { Button, Flex, Typography } from '@strapi/design-system';
import type { AdminTag } from '../../../../shared/contracts/tag-admin';
import { useMessage } from '../../hooks/useMessage';

interface MergeSelectionProps {
  tags: AdminTag[];
  onClear(): void;
  onMerge(): void;
}

/** The tags ticked for a merge, whichever page or search they were ticked on. */
export const MergeSelection = ({ tags, onClear, onMerge }: MergeSelectionProps) => {
  const message = useMessage();
  return (
    <Flex gap={3} justifyContent="space-between" background="primary100" padding={3} hasRadius data-testid="merge-selection">
      <Typography>
        {message('tagAdmin.selection', '{count, plural, one {# tag} other {# tags}} selected: {names}', {
          count: tags.length,
          names: tags.map((tag) => tag.name).join(', '),
        })}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" onClick={onClear}>
          {message('tagAdmin.selection.clear', 'Clear')}
        </Button>
        <Button onClick={onMerge}>{message('tagAdmin.selection.merge', 'Merge into…')}</Button>
      </Flex>
    </Flex>
  );
};
