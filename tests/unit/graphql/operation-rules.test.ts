import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { costlyFieldsRule, publishedOnlyRule } from '../../../src/graphql/operation-rules';

// A schema shaped like Strapi's: lists take pagination, roots take status.
const schema = buildSchema(`
  enum PublicationStatus { DRAFT PUBLISHED }
  input PaginationArg { page: Int pageSize: Int }
  directive @tagged(status: String) on FIELD
  type Tag { name: String articles(pagination: PaginationArg): [Article] }
  type Article { title: String tags(pagination: PaginationArg): [Tag] }
  type Query {
    articles(status: PublicationStatus, publicationFilter: String, hasPublishedVersion: Boolean, pagination: PaginationArg): [Article]
    article(documentId: ID!, status: PublicationStatus): Article
    newsroomTagPage(slug: String!): Tag
  }
`);

const errors = (query: string, rules = [publishedOnlyRule, costlyFieldsRule(5)]) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((error) => error.message);

describe('publishedOnlyRule', () => {
  it.each(['status: DRAFT', 'status: PUBLISHED', 'publicationFilter: "x"', 'hasPublishedVersion: true'])('refuses %s on a root list', (argument) => {
    expect(errors(`{ articles(${argument}) { title } }`)).toEqual([expect.stringContaining(`"${argument.split(':')[0]}" argument is not served`)]);
  });

  it('refuses it through a variable, a fragment, an alias', () => {
    expect(errors('query ($s: PublicationStatus) { articles(status: $s) { title } }')).toHaveLength(1);
    expect(errors('{ ...f } fragment f on Query { drafts: article(documentId: "1", status: DRAFT) { title } }')).toHaveLength(1);
  });

  it('leaves other arguments, and a directive argument of the same name, alone', () => {
    expect(errors('{ articles(pagination: { pageSize: 2 }) { title @tagged(status: "x") } newsroomTagPage(slug: "a") { name } }')).toEqual([]);
  });
});

describe('costlyFieldsRule', () => {
  it('counts root fields and list fields, within the budget', () => {
    // 2 roots + tags + articles = 4.
    expect(errors('{ articles { tags { articles { title } } } newsroomTagPage(slug: "a") { name } }')).toEqual([]);
  });

  it('refuses breadth by aliases past the budget', () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: newsroomTagPage(slug: "a") { name }`).join(' ');
    expect(errors(`{ ${aliases} }`)).toEqual(['This operation asks for 6 lists and root fields; at most 5 are served in one request']);
  });

  it('counts a fragment each time it is spread', () => {
    const query = '{ articles { ...t } more: articles { ...t } } fragment t on Article { tags { name } x: tags { name } }';
    // 2 roots + 2 spreads x 2 lists = 6.
    expect(errors(query)).toEqual(['This operation asks for 6 lists and root fields; at most 5 are served in one request']);
  });

  it('terminates on a fragment cycle (left to graphql-js to report)', () => {
    const query = '{ articles { ...a } } fragment a on Article { tags { ...b } } fragment b on Tag { articles { ...a } }';
    expect(errors(query).some((message) => message.includes('Cannot spread fragment'))).toBe(true);
  });
});
