import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { RedirectType } from '../../../../shared/constants';
import type { Redirect } from '../../../../shared/contracts/redirects';
import { useMessage } from '../../hooks/useMessage';

/** One page of retired slugs: what each led to and where it leads now (or that it is gone). */
export const RedirectsTable = ({ redirects }: { redirects: Redirect[] }) => {
  const message = useMessage();
  const typeLabel: Record<RedirectType, string> = {
    tag: message('tagAdmin.redirects.type.tag', 'Tag'),
    source: message('tagAdmin.redirects.type.source', 'Source'),
    article: message('tagAdmin.redirects.type.article', 'Article'),
  };
  if (redirects.length === 0) {
    return (
      <Typography textColor="neutral600" data-testid="redirects-none">
        {message('tagAdmin.redirects.none', 'No redirect yet: renaming, merging or deleting a tag leaves one.')}
      </Typography>
    );
  }
  const headings = [
    message('tagAdmin.redirects.from', 'From'),
    message('tagAdmin.redirects.to', 'To'),
    message('tagAdmin.redirects.type', 'Type'),
  ];

  return (
    <Table colCount={headings.length} rowCount={redirects.length + 1}>
      <Thead>
        <Tr>
          {headings.map((label) => (
            <Th key={label}>
              <Typography variant="sigma">{label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {redirects.map((redirect) => (
          <Tr key={`${redirect.type}:${redirect.from}`} data-testid="redirect-row" data-type={redirect.type} data-from={redirect.from}>
            <Td>
              <Typography fontWeight="semiBold" data-testid="redirect-from">
                {redirect.from}
              </Typography>
            </Td>
            <Td>
              {redirect.to === null ? (
                <Badge variant="danger" data-testid="redirect-to">
                  {message('tagAdmin.redirect.gone', 'Gone (410)')}
                </Badge>
              ) : (
                <Typography data-testid="redirect-to">{redirect.to}</Typography>
              )}
            </Td>
            <Td>
              <Typography data-testid="redirect-type">{typeLabel[redirect.type]}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
