import { Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useRegenerationJob } from '../../hooks/useRegenerationJob';
import { getTranslation } from '../../utils/getTranslation';

/** Recomputes every stored excerpt with the saved settings, showing the job's progress. */
export const RegenerateExcerpts = ({ canStart }: { canStart: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const { job, error, start } = useRegenerationJob();
  const running = job?.status === 'running';
  const percent = job && job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography textColor="neutral600">
        {formatMessage({
          id: getTranslation('excerpts.regenerate.description'),
          defaultMessage:
            'Stored excerpts keep the settings they were made with. After changing the settings, regenerate every article’s excerpt (drafts and published versions; editors’ own excerpts are kept).',
        })}
      </Typography>
      <Flex gap={4}>
        <Button startIcon={<ArrowClockwise />} onClick={start} loading={running} disabled={!canStart || running || !job}>
          {formatMessage({ id: getTranslation('excerpts.regenerate.button'), defaultMessage: 'Regenerate all excerpts' })}
        </Button>
        {running && (
          <Flex gap={3} flex="1" data-testid="regeneration-progress">
            <ProgressBar value={percent} style={{ flex: 1 }} />
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: getTranslation('excerpts.regenerate.progress'), defaultMessage: '{done} of {total} article versions' },
                { done: job.done, total: job.total },
              )}
            </Typography>
          </Flex>
        )}
      </Flex>
      {job?.status === 'done' && (
        <Typography textColor="success600" data-testid="regeneration-done">
          {formatMessage(
            { id: getTranslation('excerpts.regenerate.done'), defaultMessage: 'Done: {total} article versions (drafts and published), finished {when}.' },
            { total: job.total, when: job.finishedAt ? formatDate(job.finishedAt, { dateStyle: 'medium', timeStyle: 'medium' }) : '' },
          )}
        </Typography>
      )}
      {job?.status === 'failed' && (
        <Typography textColor="danger600">
          {formatMessage({ id: getTranslation('excerpts.regenerate.failed'), defaultMessage: 'The last run failed: {error}' }, { error: job.error })}
        </Typography>
      )}
      {error && <Typography textColor="danger600">{error}</Typography>}
    </Flex>
  );
};
