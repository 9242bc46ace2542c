import { Button, Flex, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { Pagination } from '../../../../shared/contracts/tag-pages';
import { useMessage } from '../../hooks/useMessage';

interface PagerProps {
  pagination: Pagination;
  onPage(page: number): void;
  /** Names the pager for assistive technology and tests, e.g. "Tags pages". */
  label: string;
}

/** Previous and next page of a server-paginated list, and where in it the editor is. */
export const Pager = ({ pagination, onPage, label }: PagerProps) => {
  const message = useMessage();
  const { page, pageCount, total } = pagination;
  return (
    <Flex justifyContent="space-between" alignItems="center" gap={4} tag="nav" aria-label={label}>
      <Typography textColor="neutral600" data-testid="pager-status">
        {message('tagAdmin.pager.status', 'Page {page} of {pageCount} · {total, plural, one {# row} other {# rows}}', {
          page,
          pageCount: Math.max(pageCount, 1),
          total,
        })}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" startIcon={<ChevronLeft />} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {message('tagAdmin.pager.previous', 'Previous')}
        </Button>
        <Button variant="tertiary" endIcon={<ChevronRight />} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          {message('tagAdmin.pager.next', 'Next')}
        </Button>
      </Flex>
    </Flex>
  );
};
