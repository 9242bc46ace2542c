/**
 * The newsroom's own GraphQL types and queries: the REST payloads of
 * shared/contracts/tag-pages.ts, field for field (graphql/resolvers.ts
 * answers them from the same module as the REST routes).
 */
export const typeDefs = /* GraphQL */ `
  "A tag as its page and the tag list show it."
  type NewsroomTag {
    name: String!
    slug: String!
    description: String
    "Its other names (a merged tag's, an old name): q finds it by them too."
    aliases: [String!]!
    "Published articles with this tag."
    articleCount: Int!
    metaTitle: String
    metaDescription: String
    "Left out of the sitemaps; the frontend should send noindex too."
    noindex: Boolean!
  }

  "A source as its page and the source list show it."
  type NewsroomSource {
    name: String!
    slug: String!
    "The outlet's own site."
    url: String
    description: String
    aliases: [String!]!
    "Published articles citing this source."
    articleCount: Int!
    metaTitle: String
    metaDescription: String
    noindex: Boolean!
  }

  "An article's cover image. formats: Strapi's resized versions (thumbnail, small, ...), each { url width height mime size }."
  type NewsroomCover {
    "Absolute."
    url: String!
    alternativeText: String
    width: Int
    height: Int
    formats: JSON!
    mime: String!
    "Kilobytes, as Strapi stores them."
    size: Float!
  }

  type NewsroomTagLink {
    name: String!
    slug: String!
  }

  type NewsroomSourceLink {
    name: String!
    slug: String!
    url: String
  }

  "A published article as a tag or source page lists it."
  type NewsroomArticle {
    documentId: ID!
    title: String!
    slug: String!
    excerpt: String
    byline: String
    cover: NewsroomCover
    "ISO 8601."
    publishedAt: String!
    "When the published version was last written (ISO 8601)."
    updatedAt: String!
    tags: [NewsroomTagLink!]!
    sources: [NewsroomSourceLink!]!
  }

  "page is null on a page asked by cursor; next is the cursor of the next page (after:), null on the last page."
  type NewsroomPagePagination {
    page: Int
    pageSize: Int!
    pageCount: Int!
    total: Int!
    next: String
  }

  type NewsroomListPagination {
    page: Int!
    pageSize: Int!
    pageCount: Int!
    total: Int!
  }

  type NewsroomTagPage {
    tag: NewsroomTag!
    articles: [NewsroomArticle!]!
    pagination: NewsroomPagePagination!
  }

  type NewsroomSourcePage {
    source: NewsroomSource!
    articles: [NewsroomArticle!]!
    pagination: NewsroomPagePagination!
  }

  type NewsroomTagList {
    tags: [NewsroomTag!]!
    pagination: NewsroomListPagination!
  }

  type NewsroomSourceList {
    sources: [NewsroomSource!]!
    pagination: NewsroomListPagination!
  }

  type NewsroomRelatedTag {
    name: String!
    slug: String!
    "Published articles carrying both tags."
    sharedArticles: Int!
  }

  type NewsroomRelatedTags {
    tag: NewsroomTag!
    related: [NewsroomRelatedTag!]!
  }

  "count: most articles first; name: alphabetical."
  enum NewsroomTermSort {
    count
    name
  }

  extend type Query {
    "A page of the tag's published articles, newest first: by page number, or by cursor (after: the previous page's pagination.next)."
    newsroomTagPage(slug: String!, page: Int, pageSize: Int, after: String): NewsroomTagPage
    "A page of the articles citing the source, newest first."
    newsroomSourcePage(slug: String!, page: Int, pageSize: Int, after: String): NewsroomSourcePage
    "The tags with published articles (all: every tag); q: those whose name, slug or an alias matches (prefix or whole word)."
    newsroomTags(sort: NewsroomTermSort, page: Int, pageSize: Int, q: String, all: Boolean): NewsroomTagList!
    "The sources with published articles, as newsroomTags."
    newsroomSources(sort: NewsroomTermSort, page: Int, pageSize: Int, q: String, all: Boolean): NewsroomSourceList!
    "The tags sharing the most published articles with this one."
    newsroomRelatedTags(slug: String!, limit: Int): NewsroomRelatedTags
  }
`;
