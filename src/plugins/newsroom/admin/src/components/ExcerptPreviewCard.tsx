import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ExcerptPreview } from '../../../shared/contracts/excerpts';
import { getTranslation } from '../utils/getTranslation';
import { ExcerptText } from './ExcerptText';

interface ExcerptPreviewCardProps {
  preview: ExcerptPreview | null;
  error: string | null;
  isLoading: boolean;
}

/** What the API will serve as an article's excerpt: the text, where it comes from and its length. */
export const ExcerptPreviewCard = ({ preview, error, isLoading }: ExcerptPreviewCardProps) => {
  const { formatMessage } = useIntl();

  if (error) {
    return (
      <Typography textColor="danger600" variant="omega">
        {formatMessage({ id: getTranslation('excerpt.preview.error'), defaultMessage: 'No preview: {error}' }, { error })}
      </Typography>
    );
  }
  if (!preview) return isLoading ? <Loader small /> : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="excerpt-preview" aria-busy={isLoading}>
      <Flex gap={2} wrap="wrap">
        <Badge variant={preview.source === 'custom' ? 'secondary' : 'neutral'}>
          {preview.source === 'custom'
            ? formatMessage({ id: getTranslation('excerpt.source.custom'), defaultMessage: "Editor's own" })
            : formatMessage({ id: getTranslation('excerpt.source.generated'), defaultMessage: 'Generated from the body' })}
        </Badge>
        <Typography variant="pi" textColor="neutral600" data-testid="excerpt-length">
          {formatMessage(
            { id: getTranslation('excerpt.length'), defaultMessage: '{length, plural, one {# character} other {# characters}}' },
            { length: preview.length },
          )}
        </Typography>
        {isLoading && <Loader small />}
      </Flex>
      {preview.excerpt ? (
        <ExcerptText text={preview.excerpt} />
      ) : (
        <Typography variant="omega" textColor="neutral500">
          {formatMessage({ id: getTranslation('excerpt.empty'), defaultMessage: 'Empty: the body has no text yet.' })}
        </Typography>
      )}
    </Flex>
  );
};
