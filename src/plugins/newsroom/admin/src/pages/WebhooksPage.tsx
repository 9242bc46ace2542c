import { Flex, Loader, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { PAGES_CHANGED_EVENT } from '../../../shared/constants';
import type { DeliveryStatus } from '../../../shared/contracts/webhooks';
import { Section } from '../components/Section';
import { DeliveriesTable } from '../components/webhooks/DeliveriesTable';
import { WebhookError } from '../components/webhooks/WebhookError';
import { WebhookForm } from '../components/webhooks/WebhookForm';
import { WebhookList } from '../components/webhooks/WebhookList';
import { useDeliveries } from '../hooks/useDeliveries';
import { useWebhooks } from '../hooks/useWebhooks';
import { getTranslation } from '../utils/getTranslation';

/**
 * Who is told which public pages changed: the webhooks (Strapi's own, through
 * its admin API and permissions) subscribed to the event, and what was sent to them.
 */
export const WebhooksPage = () => {
  const { formatMessage } = useIntl();
  const { webhooks, error, busy, create, setEnabled, remove, dismissError } = useWebhooks();
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const deliveries = useDeliveries(status);

  const refreshAfter = async (change: Promise<boolean>) => {
    const done = await change;
    if (done) await deliveries.refresh();
    return done;
  };

  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('webhooks.title'), defaultMessage: 'Webhooks' })}
        subtitle={formatMessage({
          id: getTranslation('webhooks.subtitle'),
          defaultMessage: 'Tell your frontend and CDN which public pages changed',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Typography textColor="neutral700" data-testid="webhooks-explanation">
            {formatMessage(
              {
                id: getTranslation('webhooks.explanation'),
                defaultMessage:
                  'After each published change, every enabled webhook below receives {event}: a JSON body naming the tags, sources and articles it touched, the public API URLs and reader paths to revalidate, and the cache tags to purge. A receiver that does not answer 2xx is retried, with growing delays.',
              },
              { event: PAGES_CHANGED_EVENT },
            )}
          </Typography>
          {error && <WebhookError error={error} onClose={error.action === 'read' ? undefined : dismissError} />}
          <Section title={formatMessage({ id: getTranslation('webhooks.list.title'), defaultMessage: 'Receivers' })}>
            {webhooks ? (
              <WebhookList webhooks={webhooks} busy={busy} onToggle={(webhook, on) => setEnabled(webhook, on)} onDelete={(webhook) => refreshAfter(remove(webhook))} />
            ) : (
              error?.action !== 'read' && <Loader small />
            )}
          </Section>
          <Section title={formatMessage({ id: getTranslation('webhooks.form.title'), defaultMessage: 'New webhook' })}>
            <WebhookForm busy={busy} onCreate={create} />
          </Section>
          <Section title={formatMessage({ id: getTranslation('webhooks.deliveries.title'), defaultMessage: 'Recent deliveries' })}>
            {deliveries.error && (
              <Typography textColor="danger600" data-testid="deliveries-error">
                {deliveries.error.message}
              </Typography>
            )}
            {deliveries.listing ? (
              <DeliveriesTable
                listing={deliveries.listing}
                status={status}
                loading={deliveries.loading}
                onStatusChange={setStatus}
                onRefresh={deliveries.refresh}
              />
            ) : (
              !deliveries.error && <Loader small />
            )}
          </Section>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
