import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NewsroomNav } from '../components/NewsroomNav';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../../../shared/constants';
import { getTranslation } from '../utils/getTranslation';
import { ExcerptsPage } from './ExcerptsPage';
import { ImportPage } from './ImportPage';
import { TagAdminPage } from './TagAdminPage';
import { TagPagesPage } from './TagPagesPage';
import { WebhooksPage } from './WebhooksPage';

/** The plugin's pages under /admin/plugins/newsroom, each behind its own permission. */
const App = () => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  if (isLoading) return <Page.Loading />;
  // The first page this user may open: an editor who only manages tags lands on Tags.
  const home = allowedActions.canImport ? 'import' : allowedActions.canRead ? 'tags' : 'tag-admin';

  return (
    <Layouts.Root sideNav={<NewsroomNav allowedActions={allowedActions} />}>
      <Page.Title>{formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' })}</Page.Title>
      <Routes>
        <Route index element={<Navigate to={home} replace />} />
        <Route
          path="import"
          element={
            <Page.Protect permissions={PERMISSIONS.import}>
              <ImportPage />
            </Page.Protect>
          }
        />
        <Route
          path="tags"
          element={
            <Page.Protect permissions={PERMISSIONS.read}>
              <TagPagesPage />
            </Page.Protect>
          }
        />
        <Route
          path="excerpts"
          element={
            <Page.Protect permissions={PERMISSIONS.read}>
              <ExcerptsPage />
            </Page.Protect>
          }
        />
        <Route
          path="webhooks"
          element={
            <Page.Protect permissions={PERMISSIONS.read}>
              <WebhooksPage />
            </Page.Protect>
          }
        />
        <Route
          path="tag-admin"
          element={
            <Page.Protect permissions={PERMISSIONS.tags}>
              <TagAdminPage />
            </Page.Protect>
          }
        />
        <Route path="*" element={<Navigate to={`/plugins/${PLUGIN_ID}`} replace />} />
      </Routes>
    </Layouts.Root>
  );
};

export default App;
