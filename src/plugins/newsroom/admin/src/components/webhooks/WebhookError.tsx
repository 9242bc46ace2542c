import { Alert } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { WebhookAction, WebhookFailure } from '../../hooks/useWebhooks';
import { getTranslation, type TranslationId } from '../../utils/getTranslation';

const FORBIDDEN: Record<WebhookAction, { id: TranslationId; defaultMessage: string }> = {
  read: {
    id: 'webhooks.forbidden.read',
    defaultMessage: 'Strapi does not let your role see webhooks: it needs the Webhooks “Read” permission (Settings → Roles → Settings → Webhooks).',
  },
  create: {
    id: 'webhooks.forbidden.create',
    defaultMessage: 'Strapi refused: your role may not create webhooks (the Webhooks “Create” permission, in Settings → Roles → Settings → Webhooks).',
  },
  update: {
    id: 'webhooks.forbidden.update',
    defaultMessage: 'Strapi refused: your role may not edit webhooks (the Webhooks “Update” permission, in Settings → Roles → Settings → Webhooks).',
  },
  delete: {
    id: 'webhooks.forbidden.delete',
    defaultMessage: 'Strapi refused: your role may not delete webhooks (the Webhooks “Delete” permission, in Settings → Roles → Settings → Webhooks).',
  },
};

const TITLE: Record<WebhookAction, { id: TranslationId; defaultMessage: string }> = {
  read: { id: 'webhooks.error.read', defaultMessage: 'The webhooks could not be read' },
  create: { id: 'webhooks.error.create', defaultMessage: 'The webhook was not created' },
  update: { id: 'webhooks.error.update', defaultMessage: 'The webhook was not changed' },
  delete: { id: 'webhooks.error.delete', defaultMessage: 'The webhook was not deleted' },
};

/** Why Strapi refused a webhook request: its permissions named on a 403, its own words otherwise. */
export const WebhookError = ({ error, onClose }: { error: WebhookFailure; onClose?: () => void }) => {
  const { formatMessage } = useIntl();
  const title = TITLE[error.action];
  const forbidden = FORBIDDEN[error.action];
  return (
    <Alert
      variant="danger"
      title={formatMessage({ id: getTranslation(title.id), defaultMessage: title.defaultMessage })}
      closeLabel={formatMessage({ id: getTranslation('webhooks.error.close'), defaultMessage: 'Close' })}
      onClose={onClose}
      data-testid="webhooks-error"
    >
      {error.status === 403 ? formatMessage({ id: getTranslation(forbidden.id), defaultMessage: forbidden.defaultMessage }) : error.message}
    </Alert>
  );
};
