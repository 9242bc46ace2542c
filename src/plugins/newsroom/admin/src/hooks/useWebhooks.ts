import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { PAGES_CHANGED_EVENT } from '../../../shared/constants';
import type { CreateWebhook, StrapiWebhook, UpdateWebhook } from '../../../shared/contracts/webhooks';
import { apiFailure, type ApiFailure } from '../utils/apiError';

// Strapi's own admin API: its permissions (Settings → Roles → Webhooks) decide who may do what.
const ROUTE = '/admin/webhooks';

export type WebhookAction = 'read' | 'create' | 'update' | 'delete';
export interface WebhookFailure extends ApiFailure {
  action: WebhookAction;
}
export type NewWebhook = Pick<StrapiWebhook, 'name' | 'url' | 'headers'>;

const subscribed = (webhook: StrapiWebhook) => webhook.events.includes(PAGES_CHANGED_EVENT);
/** The body Strapi's update accepts: every field but the id (its validator refuses unknown keys). */
const body = ({ id: _id, ...webhook }: StrapiWebhook): UpdateWebhook.Request['body'] => webhook;

/** The webhooks subscribed to `newsroom.pages.changed`, and creating, switching and deleting them. */
export function useWebhooks() {
  const { get, post, put, del } = useFetchClient();
  const [webhooks, setWebhooks] = useState<StrapiWebhook[] | null>(null);
  const [error, setError] = useState<WebhookFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    () =>
      get<{ data: StrapiWebhook[] }>(ROUTE)
        .then(({ data }) => setWebhooks(data.data.filter(subscribed)))
        .catch((err) => setError({ ...apiFailure(err), action: 'read' })),
    [get],
  );

  useEffect(() => {
    refresh();
  }, [refresh]);

  /** Runs a change; true once Strapi accepted it (the list is then read again). */
  const change = async (action: WebhookAction, request: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await request();
      await refresh();
      return true;
    } catch (err) {
      setError({ ...apiFailure(err), action });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const create = (webhook: NewWebhook) =>
    change('create', () =>
      // Strapi enables every new webhook (and refuses an isEnabled in the body).
      post<CreateWebhook.Response, CreateWebhook.Request['body']>(ROUTE, { ...webhook, events: [PAGES_CHANGED_EVENT] }),
    );
  const setEnabled = (webhook: StrapiWebhook, isEnabled: boolean) =>
    change('update', () => put<UpdateWebhook.Response, UpdateWebhook.Request['body']>(`${ROUTE}/${webhook.id}`, body({ ...webhook, isEnabled })));
  const remove = (webhook: StrapiWebhook) => change('delete', () => del(`${ROUTE}/${webhook.id}`));

  return { webhooks, error, busy, create, setEnabled, remove, dismissError: () => setError(null) };
}
