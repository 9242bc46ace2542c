import { Divider } from '@strapi/design-system';
import { SubNav, type AllowedActions } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../../shared/constants';
import { getTranslation } from '../utils/getTranslation';

/** The plugin's sub-navigation; a page the user may not open is not listed. */
export const NewsroomNav = ({ allowedActions }: { allowedActions: AllowedActions }) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' });
  const links = [
    { to: 'import', allowed: allowedActions.canImport, label: formatMessage({ id: getTranslation('nav.import'), defaultMessage: 'Import' }) },
    { to: 'tags', allowed: allowedActions.canRead, label: formatMessage({ id: getTranslation('nav.tags'), defaultMessage: 'Tag pages' }) },
    { to: 'tag-admin', allowed: allowedActions.canTags, label: formatMessage({ id: getTranslation('nav.tagAdmin'), defaultMessage: 'Tags' }) },
    { to: 'excerpts', allowed: allowedActions.canRead, label: formatMessage({ id: getTranslation('nav.excerpts'), defaultMessage: 'Excerpts' }) },
    { to: 'webhooks', allowed: allowedActions.canRead, label: formatMessage({ id: getTranslation('nav.webhooks'), defaultMessage: 'Webhooks' }) },
  ].filter((link) => link.allowed);

  return (
    <SubNav.Main aria-label={label}>
      <SubNav.Header label={label} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section key="pages" label={formatMessage({ id: getTranslation('nav.section'), defaultMessage: 'Editors' })}>
              {links.map((link) => (
                <SubNav.Link key={link.to} to={`/plugins/${PLUGIN_ID}/${link.to}`} label={link.label} />
              ))}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
