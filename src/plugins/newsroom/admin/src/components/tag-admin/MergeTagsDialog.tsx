import { Flex, Grid, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { AdminTag, MergeTags } from '../../../../shared/contracts/tag-admin';
import { useDryRun } from '../../hooks/useDryRun';
import { useMessage } from '../../hooks/useMessage';
import { useTagLifecycle } from '../../hooks/useTagLifecycle';
import { AdminTagPicker } from './AdminTagPicker';
import { ChangeDialog } from './ChangeDialog';
import { RedirectChanges } from './RedirectChanges';

interface MergeTagsDialogProps {
  from: AdminTag[];
  onClose(): void;
  onMerged(result: MergeTags.Response['data']): void;
}

type Count = keyof Pick<MergeTags.Response['data'], 'articlesMoved' | 'articlesAlreadyTagged' | 'tagsRemoved'>;

/** The tags ticked, the tag they go into, and the dry run's numbers before the editor confirms. */
export const MergeTagsDialog = ({ from, onClose, onMerged }: MergeTagsDialogProps) => {
  const message = useMessage();
  const { merge } = useTagLifecycle();
  const [into, setInto] = useState<string | null>(null);
  const slugs = from.map((tag) => tag.slug);
  const dryRun = useDryRun(into && JSON.stringify({ slugs, into }), (dry) => merge(slugs, into!, dry));
  const preview = dryRun.preview;

  const counts: Array<{ key: Count; label: string }> = [
    { key: 'articlesMoved', label: message('tagAdmin.merge.articlesMoved', 'Articles that gain the tag') },
    { key: 'articlesAlreadyTagged', label: message('tagAdmin.merge.articlesAlreadyTagged', 'Articles that already have it') },
    { key: 'tagsRemoved', label: message('tagAdmin.merge.tagsRemoved', 'Tags removed') },
  ];

  const confirm = async () => {
    const result = await dryRun.confirm();
    if (result) onMerged(result);
  };

  return (
    <ChangeDialog
      title={message('tagAdmin.merge.title', 'Merge {count, plural, one {# tag} other {# tags}}', { count: from.length })}
      confirmLabel={message('tagAdmin.merge.confirm', 'Merge')}
      dryRun={dryRun}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Typography data-testid="merge-from">
        {message('tagAdmin.merge.from', 'Merging {names}: their articles join the tag chosen below, and they are removed.', {
          names: from.map((tag) => tag.name).join(', '),
        })}
      </Typography>
      <AdminTagPicker name="into" label={message('tagAdmin.merge.into', 'Into')} value={into} onChange={setInto} exclude={slugs} />
      {preview && (
        <Flex direction="column" alignItems="stretch" gap={3} data-testid="merge-preview">
          <Typography>
            {message('tagAdmin.merge.summary', 'After the merge, {name} has the articles of all of them.', { name: preview.tag.name })}
          </Typography>
          <Grid.Root gap={4}>
            {counts.map(({ key, label }) => (
              <Grid.Item key={key} col={4} direction="column" alignItems="flex-start">
                <Typography variant="alpha" tag="p" data-testid={`merge-${key}`}>
                  {preview[key]}
                </Typography>
                <Typography variant="omega" textColor="neutral600">
                  {label}
                </Typography>
              </Grid.Item>
            ))}
          </Grid.Root>
          <Typography variant="sigma" textColor="neutral600">
            {message('tagAdmin.merge.redirects', '{count, plural, one {# redirect (301)} other {# redirects (301)}}:', { count: preview.redirects.length })}
          </Typography>
          <RedirectChanges changes={preview.redirects} />
        </Flex>
      )}
    </ChangeDialog>
  );
};
