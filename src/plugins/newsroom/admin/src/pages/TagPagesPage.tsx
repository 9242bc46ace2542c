import { Flex, Grid, Main, Typography } from '@strapi/design-system';
import { Layouts, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Section } from '../components/Section';
import { RelatedTags } from '../components/tags/RelatedTags';
import { TagPagePreview } from '../components/tags/TagPagePreview';
import { TagPicker } from '../components/tags/TagPicker';
import { TagRouteLinks } from '../components/tags/TagRouteLinks';
import { usePublicQuery } from '../hooks/usePublicQuery';
import type { GetTagPage } from '../../../shared/contracts/tag-pages';
import { getTranslation } from '../utils/getTranslation';

interface TagPageQuery {
  tag?: string;
  page?: string;
  pageSize?: string;
}

/** A tag's page as the public API serves it; the tag and page live in the URL, so a view can be shared. */
export const TagPagesPage = () => {
  const { formatMessage } = useIntl();
  const [{ query }, setQuery] = useQueryParams<TagPageQuery>();
  const slug = query.tag ?? null;
  const pageQuery = new URLSearchParams({ page: query.page ?? '1', pageSize: query.pageSize ?? '10' });
  const tagPage = usePublicQuery<GetTagPage.Response>(slug && `/api/newsroom/tags/${encodeURIComponent(slug)}?${pageQuery}`);
  const showTag = (next: string | null) => setQuery({ tag: next ?? undefined, page: undefined });
  const tag = tagPage.data?.data.tag;

  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('tags.title'), defaultMessage: 'Tag pages' })}
        subtitle={formatMessage({
          id: getTranslation('tags.subtitle'),
          defaultMessage: "A tag's page as readers get it from the API: newest published articles first",
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section>
            <TagPicker value={slug} onChange={showTag} />
          </Section>
          {slug && (
            <Grid.Root gap={6}>
              <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                <TagPagePreview page={tagPage.data} error={tagPage.error} isLoading={tagPage.isLoading} />
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={6}>
                {tag && (
                  <Section title={formatMessage({ id: getTranslation('tags.count.title'), defaultMessage: 'Articles' })}>
                    <Typography variant="alpha" tag="p" data-testid="tag-article-count">
                      {tag.articleCount}
                    </Typography>
                    <Typography variant="omega" textColor="neutral600">
                      {formatMessage({ id: getTranslation('tags.count.hint'), defaultMessage: 'published under {name}' }, { name: tag.name })}
                    </Typography>
                  </Section>
                )}
                <Section title={formatMessage({ id: getTranslation('tags.related.title'), defaultMessage: 'Related tags' })}>
                  <RelatedTags slug={slug} onSelect={showTag} />
                </Section>
                <Section title={formatMessage({ id: getTranslation('tags.routes.title'), defaultMessage: 'Routes' })}>
                  <TagRouteLinks slug={slug} />
                </Section>
              </Grid.Item>
            </Grid.Root>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
