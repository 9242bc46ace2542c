import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation, type TranslationId } from '../utils/getTranslation';

/** One of the plugin's messages, formatted: `message('id', 'Default {value}', { value })`. */
export function useMessage() {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: TranslationId, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage],
  );
}
