import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { UIDS } from '../../../shared/constants';
import { getTranslation } from '../utils/getTranslation';

interface ArticleForm {
  values: { cover?: { alternativeText?: string | null } | null };
}

/**
 * An Article's side panel, shown only while its cover (as on screen, saved or
 * not) has no alternative text: readers of the pages and feeds get none.
 * Panels render inside the edit form, so the form's values are there.
 */
export const CoverAltTextPanel: PanelComponent = ({ model }) => {
  const { formatMessage } = useIntl();
  const { form } = useContentManagerContext();
  const cover = (form as ArticleForm).values.cover;
  if (model !== UIDS.article || !cover || cover.alternativeText?.trim()) return null;
  return {
    title: formatMessage({ id: getTranslation('cover.panel.title'), defaultMessage: 'Cover' }),
    content: (
      <Typography variant="omega" textColor="warning600">
        {formatMessage({
          id: getTranslation('cover.altText.missing'),
          defaultMessage: 'The cover has no alternative text: add one in the media library so readers who cannot see it know what it shows.',
        })}
      </Typography>
    ),
  };
};
