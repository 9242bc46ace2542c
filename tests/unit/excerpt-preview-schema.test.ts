import { excerptPreviewSchema } from '../../src/plugins/newsroom/server/src/validation/excerpt-preview';

const issue = (input: unknown) => {
  const result = excerptPreviewSchema.safeParse(input);
  return result.success ? null : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('excerptPreviewSchema', () => {
  it.each([
    ['a null body', { body: null }],
    ['no blocks', { body: [] }],
    ['blocks', { body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] }],
    ['a null markdown body', { body: null, bodyFormat: 'markdown' }],
    ['text', { body: 'Hello', bodyFormat: 'text' }],
    ['html', { body: '<p>Hello</p>', bodyFormat: 'html' }],
  ])('accepts %s', (_name, input) => {
    expect(issue(input)).toBeNull();
  });

  it.each([
    ['no body at all', {}, 'is required (null when there is none)'],
    ['a string as blocks (the default format)', { body: 'Hello world' }, 'must be Strapi Blocks (an array of blocks) when bodyFormat is "blocks"; got a string'],
    ['a number', { body: 12 }, 'must be Strapi Blocks (an array of blocks) when bodyFormat is "blocks"; got a number'],
    ['a single block, not in an array', { body: { type: 'paragraph', children: [] } }, 'must be Strapi Blocks (an array of blocks) when bodyFormat is "blocks"; got an object'],
    ['blocks as markdown', { body: [], bodyFormat: 'markdown' }, 'must be a string when bodyFormat is "markdown"; got an array'],
    ['a number as text', { body: 12, bodyFormat: 'text' }, 'must be a string when bodyFormat is "text"; got a number'],
  ])('refuses %s, saying why', (_name, input, message) => {
    expect(issue(input)).toEqual([{ path: ['body'], message }]);
  });
});
