import { Flex, Radio, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { AdminTag, DeleteTag } from '../../../../shared/contracts/tag-admin';
import { useDryRun } from '../../hooks/useDryRun';
import { useMessage } from '../../hooks/useMessage';
import { useTagLifecycle } from '../../hooks/useTagLifecycle';
import { AdminTagPicker } from './AdminTagPicker';
import { ChangeDialog } from './ChangeDialog';
import { RedirectChanges } from './RedirectChanges';

type Fate = 'redirect' | 'gone';

interface DeleteTagDialogProps {
  tag: AdminTag;
  onClose(): void;
  onDeleted(result: DeleteTag.Response['data']): void;
}

/** Where the deleted tag's links lead (another tag, or 410 Gone), and how many articles lose it, before confirming. */
export const DeleteTagDialog = ({ tag, onClose, onDeleted }: DeleteTagDialogProps) => {
  const message = useMessage();
  const { remove } = useTagLifecycle();
  const [fate, setFate] = useState<Fate>('gone');
  const [target, setTarget] = useState<string | null>(null);
  const redirectTo = fate === 'redirect' ? target : null;
  const complete = fate === 'gone' || target !== null;
  const dryRun = useDryRun(complete ? JSON.stringify({ fate, redirectTo }) : null, (dry) => remove(tag.slug, redirectTo, dry));
  const preview = dryRun.preview;
  const fateLabel = message('tagAdmin.delete.fate', 'Links to /{slug} will', { slug: tag.slug });

  const confirm = async () => {
    const result = await dryRun.confirm();
    if (result) onDeleted(result);
  };

  return (
    <ChangeDialog
      title={message('tagAdmin.delete.title', 'Delete {name}', { name: tag.name })}
      confirmLabel={message('tagAdmin.delete.confirm', 'Delete')}
      danger
      dryRun={dryRun}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" fontWeight="bold">
          {fateLabel}
        </Typography>
        <Radio.Group value={fate} onValueChange={(value) => setFate(value as Fate)} aria-label={fateLabel}>
          <Radio.Item value="redirect">{message('tagAdmin.delete.redirect', 'Redirect to another tag')}</Radio.Item>
          <Radio.Item value="gone">{message('tagAdmin.delete.gone', 'Answer 410 Gone')}</Radio.Item>
        </Radio.Group>
      </Flex>
      {fate === 'redirect' && (
        <AdminTagPicker name="redirectTo" label={message('tagAdmin.delete.target', 'Redirect to')} value={target} onChange={setTarget} exclude={[tag.slug]} />
      )}
      {preview && (
        <Flex direction="column" alignItems="stretch" gap={3} data-testid="delete-preview">
          <Typography data-testid="delete-untagged">
            {message('tagAdmin.delete.untagged', '{count, plural, =0 {No article loses this tag.} one {# article loses this tag.} other {# articles lose this tag.}}', {
              count: preview.articlesUntagged,
            })}
          </Typography>
          <RedirectChanges changes={preview.redirects} />
        </Flex>
      )}
    </ChangeDialog>
  );
};
