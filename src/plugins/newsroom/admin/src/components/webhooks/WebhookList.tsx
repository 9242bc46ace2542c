import { Button, Dialog, Flex, IconButton, Switch, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Trash, WarningCircle } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { StrapiWebhook } from '../../../../shared/contracts/webhooks';
import { getTranslation } from '../../utils/getTranslation';

interface WebhookListProps {
  webhooks: StrapiWebhook[];
  busy: boolean;
  onToggle(webhook: StrapiWebhook, isEnabled: boolean): void;
  onDelete(webhook: StrapiWebhook): Promise<boolean>;
}

/** The receivers of the event: each one's address, the headers it gets (names only), on or off, and deleting it. */
export const WebhookList = ({ webhooks, busy, onToggle, onDelete }: WebhookListProps) => {
  const { formatMessage } = useIntl();
  const [deleting, setDeleting] = useState<StrapiWebhook | null>(null);

  if (webhooks.length === 0) {
    return (
      <Typography textColor="neutral600" data-testid="webhooks-none">
        {formatMessage({ id: getTranslation('webhooks.list.none'), defaultMessage: 'No webhook receives this event yet: create one below.' })}
      </Typography>
    );
  }

  return (
    <>
      <Table colCount={5} rowCount={webhooks.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: getTranslation('webhooks.list.name'), defaultMessage: 'Name' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: getTranslation('webhooks.list.url'), defaultMessage: 'URL' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: getTranslation('webhooks.list.headers'), defaultMessage: 'Headers' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: getTranslation('webhooks.list.enabled'), defaultMessage: 'Enabled' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: getTranslation('webhooks.list.actions'), defaultMessage: 'Actions' })}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {webhooks.map((webhook) => (
            <Tr key={webhook.id} data-testid="webhook-row">
              <Td>
                <Typography fontWeight="bold">{webhook.name}</Typography>
              </Td>
              <Td>
                <Typography>{webhook.url}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral600">{Object.keys(webhook.headers ?? {}).join(', ') || '—'}</Typography>
              </Td>
              <Td>
                <Switch
                  aria-label={formatMessage(
                    { id: getTranslation('webhooks.list.toggle'), defaultMessage: 'Enable {name}' },
                    { name: webhook.name },
                  )}
                  checked={webhook.isEnabled}
                  disabled={busy}
                  onCheckedChange={(checked) => onToggle(webhook, checked)}
                  onLabel={formatMessage({ id: getTranslation('webhooks.list.on'), defaultMessage: 'On' })}
                  offLabel={formatMessage({ id: getTranslation('webhooks.list.off'), defaultMessage: 'Off' })}
                  visibleLabels
                />
              </Td>
              <Td>
                <IconButton
                  label={formatMessage({ id: getTranslation('webhooks.list.delete'), defaultMessage: 'Delete {name}' }, { name: webhook.name })}
                  variant="ghost"
                  disabled={busy}
                  onClick={() => setDeleting(webhook)}
                >
                  <Trash />
                </IconButton>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Dialog.Root open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <Dialog.Content>
          <Dialog.Header>{formatMessage({ id: getTranslation('webhooks.delete.title'), defaultMessage: 'Delete the webhook?' })}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="danger600" />}>
            <Flex direction="column" gap={2}>
              <Typography>
                {formatMessage(
                  {
                    id: getTranslation('webhooks.delete.body'),
                    defaultMessage: '{name} will no longer be told which pages changed. Deliveries still owed to it are marked failed.',
                  },
                  { name: deleting?.name ?? '' },
                )}
              </Typography>
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary">
                {formatMessage({ id: getTranslation('webhooks.delete.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Dialog.Cancel>
            <Button
              fullWidth
              variant="danger-light"
              loading={busy}
              onClick={async () => {
                if (deleting) await onDelete(deleting);
                setDeleting(null);
              }}
            >
              {formatMessage({ id: getTranslation('webhooks.delete.confirm'), defaultMessage: 'Delete' })}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};
