import { Box, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { Fragment } from 'react';
import { useIntl } from 'react-intl';
import type { GetTagPage } from '../../../../shared/contracts/tag-pages';
import { getTranslation } from '../../utils/getTranslation';
import { TagArticle } from './TagArticle';

interface TagPagePreviewProps {
  page: GetTagPage.Response | null;
  error: string | null;
  isLoading: boolean;
}

/** A page of a tag's articles, newest first, with the admin's pagination (page and pageSize in the URL). */
export const TagPagePreview = ({ page, error, isLoading }: TagPagePreviewProps) => {
  const { formatMessage } = useIntl();
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!page) return isLoading ? <Loader /> : null;

  const { tag, articles } = page.data;
  const { pagination } = page.meta;
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius aria-busy={isLoading}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography tag="h2" variant="beta">
          {formatMessage({ id: getTranslation('tags.page.heading'), defaultMessage: 'Contents tagged with {name}' }, { name: tag.name })}
        </Typography>
        {tag.description && <Typography textColor="neutral600">{tag.description}</Typography>}
      </Flex>
      {articles.length === 0 ? (
        <Box paddingTop={4}>
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('tags.page.empty'), defaultMessage: 'No published article has this tag.' })}
          </Typography>
        </Box>
      ) : (
        articles.map((article) => (
          <Fragment key={article.documentId}>
            <Box paddingTop={4}>
              <Divider />
            </Box>
            <TagArticle article={article} />
          </Fragment>
        ))
      )}
      <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={pagination.pageSize}>
        <Pagination.PageSize options={['5', '10', '20', '50', '100']} />
        <Pagination.Links />
      </Pagination.Root>
    </Box>
  );
};
