import { Flex, IconButton, Link, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { Fragment } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { publicUrl } from '../../utils/publicApi';

/** A long path in a narrow column wraps between its segments, not inside a word. */
const breakableAtSlashes = (path: string) =>
  path.split('/').map((segment, i) => (
    <Fragment key={i}>
      {i > 0 && '/'}
      <wbr />
      {segment}
    </Fragment>
  ));

/** The public routes serving this tag's page, to open or copy into a frontend's code. */
export const TagRouteLinks = ({ slug }: { slug: string }) => {
  const { formatMessage } = useIntl();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const base = `/api/newsroom/tags/${encodeURIComponent(slug)}`;
  const routes = [
    { label: formatMessage({ id: getTranslation('tags.routes.json'), defaultMessage: 'JSON' }), path: base },
    { label: formatMessage({ id: getTranslation('tags.routes.text'), defaultMessage: 'Text' }), path: `${base}.txt` },
    { label: formatMessage({ id: getTranslation('tags.routes.rss'), defaultMessage: 'RSS' }), path: `${base}/feed.xml` },
    { label: formatMessage({ id: getTranslation('tags.routes.atom'), defaultMessage: 'Atom' }), path: `${base}/feed.atom` },
  ];

  const copyUrl = async (url: string) => {
    const copied = await copy(url);
    toggleNotification({
      type: copied ? 'success' : 'warning',
      message: copied
        ? formatMessage({ id: getTranslation('tags.routes.copied'), defaultMessage: 'Link copied' })
        : formatMessage({ id: getTranslation('tags.routes.notCopied'), defaultMessage: 'Could not copy: {url}' }, { url }),
    });
  };

  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {routes.map(({ label, path }) => {
        const url = publicUrl(path);
        return (
          <Flex tag="li" key={path} gap={2} justifyContent="space-between">
            <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0 }}>
              <Typography variant="sigma" textColor="neutral600">
                {label}
              </Typography>
              <Link href={url} isExternal>
                {breakableAtSlashes(path)}
              </Link>
            </Flex>
            <IconButton
              label={formatMessage({ id: getTranslation('tags.routes.copy'), defaultMessage: 'Copy the {label} link' }, { label })}
              onClick={() => copyUrl(url)}
            >
              <Duplicate />
            </IconButton>
          </Flex>
        );
      })}
    </Flex>
  );
};
