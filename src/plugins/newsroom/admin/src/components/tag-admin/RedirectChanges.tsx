import { Flex, Typography } from '@strapi/design-system';
import type { RedirectChange } from '../../../../shared/contracts/tag-admin';
import { useMessage } from '../../hooks/useMessage';

/** The redirects a change will leave: each retired slug and the slug it will lead to, or Gone. */
export const RedirectChanges = ({ changes }: { changes: RedirectChange[] }) => {
  const message = useMessage();
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={1} data-testid="redirect-changes">
      {changes.map((change) => (
        <li key={change.from} data-testid="redirect-change">
          <Typography textColor={change.to === null ? 'danger600' : undefined}>
            {message('tagAdmin.redirect.change', '{from} → {to}', { from: change.from, to: change.to ?? message('tagAdmin.redirect.gone', 'Gone (410)') })}
          </Typography>
        </li>
      ))}
    </Flex>
  );
};
