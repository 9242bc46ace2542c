import { isFetchError, useAPIErrorHandler, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ExcerptSettings, GetExcerptSettings, ResetExcerptSettings, UpdateExcerptSettings } from '../../../shared/contracts/excerpts';
import { getTranslation } from '../utils/getTranslation';

const ROUTE = '/newsroom/excerpt/settings';

/** The saved excerpt settings, what config/plugins.ts says, and saving or dropping the override. */
export function useExcerptSettings() {
  const { get, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const { formatMessage } = useIntl();
  const [saved, setSaved] = useState<ExcerptSettings | null>(null);
  const [configured, setConfigured] = useState<ExcerptSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    get<GetExcerptSettings.Response>(ROUTE)
      .then(({ data }) => {
        setSaved(data.data);
        setConfigured(data.meta.configured);
      })
      .catch((err: Error) => setError(err.message));
  }, [get]);

  const write = useCallback(
    async (request: () => Promise<{ data: UpdateExcerptSettings.Response | ResetExcerptSettings.Response }>, done: string) => {
      setIsSaving(true);
      try {
        const { data } = await request();
        setSaved(data.data);
        toggleNotification({ type: 'success', message: done });
        return data.data;
      } catch (err) {
        toggleNotification({ type: 'danger', message: isFetchError(err) ? formatAPIError(err) : (err as Error).message });
        return null;
      } finally {
        setIsSaving(false);
      }
    },
    [toggleNotification, formatAPIError],
  );

  const save = (settings: ExcerptSettings) =>
    write(
      () => put<UpdateExcerptSettings.Response, UpdateExcerptSettings.Request['body']>(ROUTE, settings),
      formatMessage({ id: getTranslation('excerpts.settings.saved'), defaultMessage: 'Excerpt settings saved. Regenerate the excerpts to apply them to existing articles.' }),
    );
  const reset = () =>
    write(
      () => del<ResetExcerptSettings.Response>(ROUTE),
      formatMessage({ id: getTranslation('excerpts.settings.reset'), defaultMessage: 'Excerpt settings reset to the configuration.' }),
    );

  return { saved, configured, error, isSaving, save, reset };
}
