import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { UIDS } from '../../../shared/constants';
import { useExcerptPreview } from '../hooks/useExcerptPreview';
import { getTranslation } from '../utils/getTranslation';
import { ExcerptPreviewCard } from './ExcerptPreviewCard';

interface ArticleForm {
  values: { body?: unknown; customExcerpt?: string | null };
}

/** Rendered inside the edit form, so it sees what is on screen, saved or not. */
const ExcerptPanelContent = () => {
  const { form } = useContentManagerContext();
  const { body = null, customExcerpt = null } = (form as ArticleForm).values;
  return <ExcerptPreviewCard {...useExcerptPreview({ body, customExcerpt, bodyFormat: 'blocks' })} />;
};

/** The Content Manager side panel of an Article: the excerpt the API will serve. */
export const ExcerptSidePanel: PanelComponent = ({ model }) => {
  // Strapi renders panels as components: hooks are allowed, before any early return.
  const { formatMessage } = useIntl();
  if (model !== UIDS.article) return null;
  return {
    title: formatMessage({ id: getTranslation('excerpt.panel.title'), defaultMessage: 'Excerpt' }),
    content: <ExcerptPanelContent />,
  };
};
