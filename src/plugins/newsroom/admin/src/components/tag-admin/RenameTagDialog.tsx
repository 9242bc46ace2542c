import { Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { AdminTag, RenameTag } from '../../../../shared/contracts/tag-admin';
import { useDryRun } from '../../hooks/useDryRun';
import { useMessage } from '../../hooks/useMessage';
import { useTagLifecycle, type RenameChanges } from '../../hooks/useTagLifecycle';
import { ChangeDialog } from './ChangeDialog';
import { Notice } from './Notice';
import { RedirectChanges } from './RedirectChanges';

interface RenameTagDialogProps {
  tag: AdminTag;
  onClose(): void;
  onRenamed(result: RenameTag.Response['data']): void;
}

/** A new name or slug; before confirming, the redirect the old slug will leave and any redirect the new slug takes over. */
export const RenameTagDialog = ({ tag, onClose, onRenamed }: RenameTagDialogProps) => {
  const message = useMessage();
  const { rename } = useTagLifecycle();
  const [name, setName] = useState(tag.name);
  const [slug, setSlug] = useState(tag.slug);

  const changes: RenameChanges = {};
  if (name.trim() && name.trim() !== tag.name) changes.name = name.trim();
  if (slug.trim() && slug.trim() !== tag.slug) changes.slug = slug.trim();
  const dryRun = useDryRun(Object.keys(changes).length > 0 ? JSON.stringify(changes) : null, (dry) => rename(tag.slug, changes, dry));
  const preview = dryRun.preview;

  const confirm = async () => {
    const result = await dryRun.confirm();
    if (result) onRenamed(result);
  };

  return (
    <ChangeDialog
      title={message('tagAdmin.rename.title', 'Rename {name}', { name: tag.name })}
      confirmLabel={message('tagAdmin.rename.confirm', 'Rename')}
      dryRun={dryRun}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Field.Root name="name" required>
        <Field.Label>{message('tagAdmin.rename.name', 'Name')}</Field.Label>
        <TextInput value={name} onChange={(e) => setName(e.target.value)} />
      </Field.Root>
      <Field.Root name="slug" hint={message('tagAdmin.rename.slug.hint', 'Lowercase letters, digits and hyphens: the last part of the tag’s URLs')}>
        <Field.Label>{message('tagAdmin.rename.slug', 'Slug')}</Field.Label>
        <TextInput value={slug} onChange={(e) => setSlug(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      {preview && (
        <Flex direction="column" alignItems="stretch" gap={3} data-testid="rename-preview">
          {preview.redirects.length > 0 ? (
            <>
              <Typography variant="sigma" textColor="neutral600">
                {message('tagAdmin.rename.redirects', 'Links to the old slug will redirect (301):')}
              </Typography>
              <RedirectChanges changes={preview.redirects} />
            </>
          ) : (
            <Typography textColor="neutral600">{message('tagAdmin.rename.sameSlug', 'The slug stays the same: no redirect is needed.')}</Typography>
          )}
          {preview.released.map((released) => (
            <Notice
              key={released.from}
              variant="warning"
              title={message('tagAdmin.rename.released.title', '{slug} is a redirect today', { slug: released.from })}
              data-testid="rename-released"
            >
              {released.to === null
                ? message('tagAdmin.rename.released.gone', 'Links to /{from} will show this tag instead of the “Gone” page.', { from: released.from })
                : message('tagAdmin.rename.released', 'Links to /{from} will show this tag instead of {to}.', { from: released.from, to: released.to })}
            </Notice>
          ))}
        </Flex>
      )}
    </ChangeDialog>
  );
};
