import { Button, Flex, Grid, Main, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ExcerptPreviewCard } from '../components/ExcerptPreviewCard';
import { ExcerptText } from '../components/ExcerptText';
import { Section } from '../components/Section';
import { ArticlePicker } from '../components/excerpts/ArticlePicker';
import { ExcerptSettingsForm, isValidSettings } from '../components/excerpts/ExcerptSettingsForm';
import { RegenerateExcerpts } from '../components/excerpts/RegenerateExcerpts';
import { useArticle } from '../hooks/useArticle';
import { useExcerptPreview } from '../hooks/useExcerptPreview';
import { useExcerptSettings } from '../hooks/useExcerptSettings';
import { useLimits } from '../hooks/useLimits';
import { PERMISSIONS } from '../permissions';
import type { ExcerptSettings } from '../../../shared/contracts/excerpts';
import { getTranslation } from '../utils/getTranslation';

/** Excerpt settings with a live preview on a real article, and the regeneration job. */
export const ExcerptsPage = () => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const canEdit = allowedActions.canSettings === true;
  const { saved, configured, error, isSaving, save, reset } = useExcerptSettings();
  const { limits, error: limitsError } = useLimits();
  const [draft, setDraft] = useState<ExcerptSettings | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const { article, error: articleError } = useArticle(documentId);

  useEffect(() => setDraft(saved), [saved]);

  const valid = draft !== null && limits !== null && isValidSettings(draft, limits.excerpt);
  // The preview tries the unsaved settings, on the body alone: an editor's own excerpt ignores them.
  const preview = useExcerptPreview(article && valid ? { body: article.body, bodyFormat: 'blocks', settings: draft } : null);

  if (error || limitsError) return <Page.Error />;
  if (!draft || !saved || !configured || !limits) return <Page.Loading />;
  const dirty = draft.maxLength !== saved.maxLength || draft.suffix !== saved.suffix;

  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('excerpts.title'), defaultMessage: 'Excerpts' })}
        subtitle={formatMessage({
          id: getTranslation('excerpts.subtitle'),
          defaultMessage: 'How excerpts are generated from article bodies when editors write none',
        })}
        primaryAction={
          canEdit && (
            <Button startIcon={<Check />} onClick={() => save(draft)} disabled={!dirty || !valid} loading={isSaving}>
              {formatMessage({ id: getTranslation('excerpts.save'), defaultMessage: 'Save' })}
            </Button>
          )
        }
        secondaryAction={
          canEdit && (
            <Button variant="tertiary" onClick={reset} disabled={isSaving}>
              {formatMessage({ id: getTranslation('excerpts.resetToConfig'), defaultMessage: 'Reset to configuration' })}
            </Button>
          )
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={formatMessage({ id: getTranslation('excerpts.settings.title'), defaultMessage: 'Settings' })}>
            <ExcerptSettingsForm value={draft} configured={configured} bounds={limits.excerpt} disabled={!canEdit} onChange={setDraft} />
          </Section>
          <Section title={formatMessage({ id: getTranslation('excerpts.preview.title'), defaultMessage: 'Preview' })}>
            <ArticlePicker value={documentId} onChange={setDocumentId} />
            {articleError && <Typography textColor="danger600">{articleError}</Typography>}
            {article && (
              <Grid.Root gap={6}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="sigma" textColor="neutral600">
                    {formatMessage({ id: getTranslation('excerpts.preview.withDraft'), defaultMessage: 'Generated with these settings' })}
                  </Typography>
                  <ExcerptPreviewCard {...preview} />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="sigma" textColor="neutral600">
                    {formatMessage({ id: getTranslation('excerpts.preview.stored'), defaultMessage: 'Served now' })}
                  </Typography>
                  <ExcerptText text={article.excerpt ?? ''} textColor="neutral600" />
                  {article.customExcerpt?.trim() && (
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage({
                        id: getTranslation('excerpts.preview.custom'),
                        defaultMessage: 'This article has an excerpt of its own: the settings do not change what it serves.',
                      })}
                    </Typography>
                  )}
                </Grid.Item>
              </Grid.Root>
            )}
          </Section>
          <Section title={formatMessage({ id: getTranslation('excerpts.regenerate.title'), defaultMessage: 'Regenerate' })}>
            <RegenerateExcerpts canStart={canEdit} />
          </Section>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
