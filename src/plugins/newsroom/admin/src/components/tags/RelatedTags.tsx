import { Flex, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { usePublicQuery } from '../../hooks/usePublicQuery';
import type { GetRelatedTags } from '../../../../shared/contracts/tag-pages';
import { getTranslation } from '../../utils/getTranslation';

interface RelatedTagsProps {
  slug: string;
  onSelect(slug: string): void;
}

/** The tags sharing the most published articles with this one; choosing one opens its page. */
export const RelatedTags = ({ slug, onSelect }: RelatedTagsProps) => {
  const { formatMessage } = useIntl();
  const { data, error } = usePublicQuery<GetRelatedTags.Response>(`/api/newsroom/tags/${encodeURIComponent(slug)}/related?limit=10`);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return null;
  if (data.data.length === 0) {
    return (
      <Typography variant="omega" textColor="neutral600">
        {formatMessage({ id: getTranslation('tags.related.none'), defaultMessage: 'No other tag shares an article with this one.' })}
      </Typography>
    );
  }
  return (
    <Flex tag="ul" direction="column" alignItems="flex-start" gap={2}>
      {data.data.map((tag) => (
        <li key={tag.slug}>
          <TextButton onClick={() => onSelect(tag.slug)}>
            {formatMessage(
              { id: getTranslation('tags.related.item'), defaultMessage: '{name} ({shared, plural, one {# shared article} other {# shared articles}})' },
              { name: tag.name, shared: tag.sharedArticles },
            )}
          </TextButton>
        </li>
      ))}
    </Flex>
  );
};
