import { Box, Flex, Grid, Link, Status, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ArticleAction, ImportSummary } from '../../../../shared/contracts/import';
import { ARTICLES_PATH } from '../../utils/articles';
import { getTranslation, type TranslationId } from '../../utils/getTranslation';

const STATUS: Record<ArticleAction, 'success' | 'primary' | 'neutral'> = { created: 'success', updated: 'primary', unchanged: 'neutral' };

const Stat = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p" data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

const NameList = ({ title, names, none, testId }: { title: string; names: string[]; none: string; testId: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {title}
    </Typography>
    <Typography data-testid={testId}>{names.length > 0 ? names.join(', ') : none}</Typography>
  </Flex>
);

/** What an import did, or a dry run would do; after an import, titles open the articles. */
export const ImportSummaryView = ({ summary }: { summary: ImportSummary }) => {
  const { formatMessage } = useIntl();
  const t = (id: TranslationId, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const linked = !summary.dryRun;
  const actionLabel: Record<ArticleAction, string> = {
    created: summary.dryRun ? t('import.action.wouldCreate', 'would be created') : t('import.action.created', 'created'),
    updated: summary.dryRun ? t('import.action.wouldUpdate', 'would be updated') : t('import.action.updated', 'updated'),
    unchanged: t('import.action.unchanged', 'unchanged'),
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="import-summary">
      <Typography tag="h2" variant="beta">
        {summary.dryRun
          ? formatMessage({ id: getTranslation('import.summary.dryRun'), defaultMessage: 'Dry run of {file}: nothing was saved' }, { file: summary.file })
          : formatMessage({ id: getTranslation('import.summary.done'), defaultMessage: 'Imported {file}' }, { file: summary.file })}
      </Typography>
      <Grid.Root gap={4}>
        {(['created', 'updated', 'unchanged'] as const).map((action) => (
          <Grid.Item key={action} col={4} s={12} direction="column" alignItems="stretch">
            <Stat
              label={formatMessage({ id: getTranslation('import.summary.articles'), defaultMessage: 'Articles {action}' }, { action: actionLabel[action] })}
              value={summary.articles[action]}
              testId={`import-count-${action}`}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <NameList title={t('import.summary.tags', 'New tags')} names={summary.tags.created} none={t('import.summary.none', 'none')} testId="import-tags-created" />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <NameList title={t('import.summary.sources', 'New sources')} names={summary.sources.created} none={t('import.summary.none', 'none')} testId="import-sources-created" />
        </Grid.Item>
      </Grid.Root>
      <Table colCount={4} rowCount={summary.items.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('import.table.line', 'Line')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('import.table.title', 'Title')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('import.table.action', 'Action')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('import.table.sources', 'Sources detected')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {summary.items.map((item) => (
            <Tr key={`${item.line}-${item.documentId}`} data-testid="import-item">
              <Td>
                <Typography textColor="neutral600">{item.line}</Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal' }}>
                {linked ? (
                  <Link tag={NavLink} to={`${ARTICLES_PATH}/${item.documentId}`}>
                    {item.title}
                  </Link>
                ) : (
                  <Typography>{item.title}</Typography>
                )}
              </Td>
              <Td>
                <Status variant={STATUS[item.action]} size="S">
                  <Typography variant="omega" fontWeight="bold">
                    {actionLabel[item.action]}
                  </Typography>
                </Status>
              </Td>
              <Td style={{ whiteSpace: 'normal' }}>
                <Typography textColor={item.sources.length ? 'neutral800' : 'neutral500'}>
                  {item.sources.length ? item.sources.join(', ') : t('import.summary.none', 'none')}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {summary.itemsOmitted > 0 && (
        <Typography textColor="neutral600">
          {formatMessage(
            { id: getTranslation('import.summary.omitted'), defaultMessage: '… and {count} more articles, not listed here.' },
            { count: summary.itemsOmitted },
          )}
        </Typography>
      )}
    </Flex>
  );
};
