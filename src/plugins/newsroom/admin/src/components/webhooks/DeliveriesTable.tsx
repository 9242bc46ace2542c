import { Badge, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Delivery, DeliveryStatus, ListDeliveries } from '../../../../shared/contracts/webhooks';
import { getTranslation, type TranslationId } from '../../utils/getTranslation';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed'];
const BADGE: Record<DeliveryStatus, 'warning' | 'success' | 'danger'> = { pending: 'warning', delivered: 'success', failed: 'danger' };
const ALL = 'all';

interface DeliveriesTableProps {
  listing: ListDeliveries.Response;
  status: DeliveryStatus | null;
  loading: boolean;
  onStatusChange(status: DeliveryStatus | null): void;
  onRefresh(): void;
}

/** The recent deliveries: when, to whom, how it went, and what comes next; counts over all of them. */
export const DeliveriesTable = ({ listing, status, loading, onStatusChange, onRefresh }: DeliveriesTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: TranslationId, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const statusLabel: Record<DeliveryStatus, string> = {
    pending: t('webhooks.deliveries.status.pending', 'Pending'),
    delivered: t('webhooks.deliveries.status.delivered', 'Delivered'),
    failed: t('webhooks.deliveries.status.failed', 'Failed'),
  };
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' }) : '—');
  const outcome = (delivery: Delivery) =>
    delivery.lastError ?? (delivery.lastStatus !== null ? t('webhooks.deliveries.http', 'HTTP {status}', { status: delivery.lastStatus }) : '—');
  const covered = (delivery: Delivery) =>
    t('webhooks.deliveries.summary', '{tags, plural, one {# tag} other {# tags}}, {articles, plural, one {# article} other {# articles}}, {urls, plural, one {# URL} other {# URLs}}', {
      tags: delivery.summary.tags,
      articles: delivery.summary.articles,
      urls: delivery.summary.urls,
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
        <Flex gap={3} data-testid="delivery-counts">
          {STATUSES.map((s) => (
            <Badge key={s} variant={BADGE[s]} data-testid={`delivery-count-${s}`}>
              {t('webhooks.deliveries.count', '{label}: {count}', { label: statusLabel[s], count: listing.meta.counts[s] })}
            </Badge>
          ))}
        </Flex>
        <Flex gap={3} alignItems="flex-end">
          <SingleSelect
            aria-label={t('webhooks.deliveries.filter', 'Status')}
            value={status ?? ALL}
            onChange={(value) => onStatusChange(value === ALL ? null : (value as DeliveryStatus))}
          >
            <SingleSelectOption value={ALL}>{t('webhooks.deliveries.filter.all', 'All statuses')}</SingleSelectOption>
            {STATUSES.map((s) => (
              <SingleSelectOption key={s} value={s}>
                {statusLabel[s]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRefresh} loading={loading}>
            {t('webhooks.deliveries.refresh', 'Refresh')}
          </Button>
        </Flex>
      </Flex>
      {listing.data.length === 0 ? (
        <Typography textColor="neutral600" data-testid="deliveries-none">
          {t('webhooks.deliveries.none', 'No deliveries yet: they appear here once a change is published.')}
        </Typography>
      ) : (
        <Table colCount={7} rowCount={listing.data.length + 1}>
          <Thead>
            <Tr>
              {[
                t('webhooks.deliveries.time', 'Time'),
                t('webhooks.deliveries.webhook', 'Webhook'),
                t('webhooks.deliveries.status', 'Status'),
                t('webhooks.deliveries.attempts', 'Attempts'),
                t('webhooks.deliveries.last', 'Last answer'),
                t('webhooks.deliveries.next', 'Next attempt'),
                t('webhooks.deliveries.covered', 'Changed'),
              ].map((label) => (
                <Th key={label}>
                  <Typography variant="sigma">{label}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {listing.data.map((delivery) => (
              <Tr key={delivery.id} data-testid="delivery-row" data-status={delivery.status}>
                <Td>
                  <Typography>{when(delivery.createdAt)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={delivery.webhookName ? undefined : 'neutral500'}>
                    {delivery.webhookName ?? t('webhooks.deliveries.deleted', 'Deleted webhook')}
                  </Typography>
                </Td>
                <Td>
                  <Badge variant={BADGE[delivery.status]} data-testid="delivery-status">
                    {statusLabel[delivery.status]}
                  </Badge>
                </Td>
                <Td>
                  <Typography data-testid="delivery-attempts">{delivery.attempts}</Typography>
                </Td>
                <Td>
                  <Typography data-testid="delivery-last" textColor={delivery.lastError ? 'danger600' : undefined}>
                    {outcome(delivery)}
                  </Typography>
                </Td>
                <Td>
                  <Typography data-testid="delivery-next">{when(delivery.nextAttemptAt)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral600">
                    {delivery.parts > 1
                      ? t('webhooks.deliveries.part', 'Part {part} of {parts}: {covered}', { part: delivery.part, parts: delivery.parts, covered: covered(delivery) })
                      : covered(delivery)}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};
