import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { TagPageArticle } from '../../../../shared/contracts/tag-pages';
import { getTranslation } from '../../utils/getTranslation';
import { ExcerptText } from '../ExcerptText';

/** One article of a tag page, as a reader would see it. */
export const TagArticle = ({ article }: { article: TagPageArticle }) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <Box tag="article" paddingTop={4} paddingBottom={4} data-testid="tag-article">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h3" variant="delta" data-testid="tag-article-title">
          {article.title}
        </Typography>
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            <time dateTime={article.publishedAt}>{formatDate(article.publishedAt, { dateStyle: 'long', timeStyle: 'short' })}</time>
          </Typography>
          {article.sources.length > 0 && (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({ id: getTranslation('tags.article.sources'), defaultMessage: '· Sources:' })}{' '}
              {article.sources.map((source, i) => (
                <span key={source.slug}>
                  {i > 0 && ', '}
                  {source.url ? (
                    <Link href={source.url} isExternal>
                      {source.name}
                    </Link>
                  ) : (
                    source.name
                  )}
                </span>
              ))}
            </Typography>
          )}
        </Flex>
        {article.excerpt && <ExcerptText text={article.excerpt} textColor="neutral700" />}
      </Flex>
    </Box>
  );
};
