import { Flex, Loader, Main, Typography } from '@strapi/design-system';
import { Layouts, useDebounce, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { AdminTag, AdminTagSort, ListAdminRedirects, ListAdminTags } from '../../../shared/contracts/tag-admin';
import { Section } from '../components/Section';
import { DeleteTagDialog } from '../components/tag-admin/DeleteTagDialog';
import { MergeSelection } from '../components/tag-admin/MergeSelection';
import { MergeTagsDialog } from '../components/tag-admin/MergeTagsDialog';
import { Notice } from '../components/tag-admin/Notice';
import { Pager } from '../components/tag-admin/Pager';
import { RedirectsTable } from '../components/tag-admin/RedirectsTable';
import { RenameTagDialog } from '../components/tag-admin/RenameTagDialog';
import { TagFilters } from '../components/tag-admin/TagFilters';
import { TagTable } from '../components/tag-admin/TagTable';
import { useAdminQuery } from '../hooks/useAdminQuery';
import { useFailureText } from '../hooks/useFailureText';
import { useMessage } from '../hooks/useMessage';
import { REDIRECTS_ROUTE, TAGS_ROUTE } from '../utils/tagAdminRoutes';
import { withQuery } from '../utils/withQuery';

const PAGE_SIZE = 20;

type OpenDialog = { kind: 'rename' | 'delete'; tag: AdminTag } | { kind: 'merge' };

/**
 * Every tag, searched, sorted and paged by the server (10k tags are never
 * loaded at once); renaming, merging and deleting them, each previewed by a dry
 * run; and the redirects those changes leave.
 */
export const TagAdminPage = () => {
  const message = useMessage();
  const failure = useFailureText();
  const { toggleNotification } = useNotification();
  const [search, setSearch] = useState('');
  const q = useDebounce(search, 300);
  const [sort, setSort] = useState<AdminTagSort>('name');
  const [page, setPage] = useState(1);
  const [redirectsPage, setRedirectsPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlyMap<string, AdminTag>>(new Map());
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const tags = useAdminQuery<ListAdminTags.Response>(withQuery(TAGS_ROUTE, { q: q.trim(), sort, page, pageSize: PAGE_SIZE }));
  const redirects = useAdminQuery<ListAdminRedirects.Response>(withQuery(REDIRECTS_ROUTE, { page: redirectsPage, pageSize: PAGE_SIZE }));

  // A change that emptied the last page: show the new last one.
  const tagPages = tags.data?.meta.pagination.pageCount ?? 0;
  const redirectPages = redirects.data?.meta.pagination.pageCount ?? 0;
  useEffect(() => {
    if (tagPages > 0 && page > tagPages) setPage(tagPages);
    if (redirectPages > 0 && redirectsPage > redirectPages) setRedirectsPage(redirectPages);
  }, [tagPages, page, redirectPages, redirectsPage]);

  const select = (tag: AdminTag, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(tag.slug, tag);
      else next.delete(tag.slug);
      return next;
    });

  const done = (notice: string) => {
    setDialog(null);
    setSelected(new Map());
    toggleNotification({ type: 'success', message: notice });
    tags.refresh();
    redirects.refresh();
  };

  return (
    <Main>
      <Layouts.Header
        title={message('tagAdmin.title', 'Tags')}
        subtitle={message('tagAdmin.subtitle', 'Rename, merge and delete tags; every old address keeps working through a redirect')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section>
            <TagFilters
              search={search}
              sort={sort}
              onSearch={(next) => {
                setSearch(next);
                setPage(1);
              }}
              onSort={(next) => {
                setSort(next);
                setPage(1);
              }}
            />
            {selected.size > 0 && <MergeSelection tags={[...selected.values()]} onClear={() => setSelected(new Map())} onMerge={() => setDialog({ kind: 'merge' })} />}
            {tags.error && (
              <Notice variant="danger" title={message('tagAdmin.error.list', 'The tags could not be read')} data-testid="tags-error">
                {failure(tags.error)}
              </Notice>
            )}
            {tags.data ? (
              <>
                {tags.data.data.length > 0 ? (
                  <TagTable
                    tags={tags.data.data}
                    selected={new Set(selected.keys())}
                    onSelect={select}
                    onRename={(tag) => setDialog({ kind: 'rename', tag })}
                    onDelete={(tag) => setDialog({ kind: 'delete', tag })}
                  />
                ) : (
                  <Typography textColor="neutral600" data-testid="tags-none">
                    {q.trim() ? message('tagAdmin.none.search', 'No tag matches “{q}”.', { q: q.trim() }) : message('tagAdmin.none', 'No tag yet.')}
                  </Typography>
                )}
                <Pager pagination={tags.data.meta.pagination} onPage={setPage} label={message('tagAdmin.pager.tags', 'Pages of tags')} />
              </>
            ) : (
              !tags.error && <Loader small />
            )}
          </Section>
          <Section title={message('tagAdmin.redirects.title', 'Redirects')}>
            {redirects.error && (
              <Notice variant="danger" title={message('tagAdmin.error.redirects', 'The redirects could not be read')} data-testid="redirects-error">
                {failure(redirects.error)}
              </Notice>
            )}
            {redirects.data ? (
              <>
                <RedirectsTable redirects={redirects.data.data} />
                <Pager pagination={redirects.data.meta.pagination} onPage={setRedirectsPage} label={message('tagAdmin.pager.redirects', 'Pages of redirects')} />
              </>
            ) : (
              !redirects.error && <Loader small />
            )}
          </Section>
        </Flex>
      </Layouts.Content>
      {dialog?.kind === 'rename' && (
        <RenameTagDialog
          tag={dialog.tag}
          onClose={() => setDialog(null)}
          onRenamed={(result) =>
            done(message('tagAdmin.rename.done', '{from} renamed: now {name}, at /{slug}', { from: dialog.tag.name, name: result.tag.name, slug: result.tag.slug }))
          }
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeTagsDialog
          from={[...selected.values()]}
          onClose={() => setDialog(null)}
          onMerged={(result) =>
            done(
              message('tagAdmin.merge.done', 'Merged into {name}: {moved, plural, one {# article} other {# articles}} moved, {removed, plural, one {# tag} other {# tags}} removed', {
                name: result.tag.name,
                moved: result.articlesMoved,
                removed: result.tagsRemoved,
              }),
            )
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteTagDialog
          tag={dialog.tag}
          onClose={() => setDialog(null)}
          onDeleted={(result) =>
            done(
              message('tagAdmin.delete.done', '{name} deleted: {count, plural, =0 {no article had it} one {# article lost it} other {# articles lost it}}', {
                name: dialog.tag.name,
                count: result.articlesUntagged,
              }),
            )
          }
        />
      )}
    </Main>
  );
};
