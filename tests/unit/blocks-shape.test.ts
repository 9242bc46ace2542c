import { firstNonObjectNode, formatPath, kindOf } from '../../src/plugins/newsroom/server/src/lib/blocks-shape';

const text = (t: string) => ({ type: 'text', text: t });

describe('kindOf', () => {
  it.each([
    [null, 'null'],
    [undefined, 'an undefined'],
    ['x', 'a string'],
    [12, 'a number'],
    [true, 'a boolean'],
    [{}, 'an object'],
    [[], 'an array'],
  ])('%p is %s', (value, kind) => {
    expect(kindOf(value)).toBe(kind);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets', () => {
    expect(formatPath(['body', '0', 'children', '12', 'url'])).toBe('body[0].children[12].url');
    expect(formatPath(['body'])).toBe('body');
  });
});

describe('firstNonObjectNode', () => {
  it('accepts blocks whose every node is an object, whatever else is wrong with them', () => {
    expect(firstNonObjectNode([])).toBeNull();
    expect(firstNonObjectNode([{ type: 'paragraph', children: [text('a'), { type: 'link', url: '', children: [text('b')] }] }, { type: 'mystery' }])).toBeNull();
  });

  it.each([
    ['a null block', [null], ['0'], null],
    ['a string block', [{ type: 'paragraph', children: [text('a')] }, 'Hello'], ['1'], 'Hello'],
    ['an array block', [[]], ['0'], []],
    ['a null child', [{ type: 'paragraph', children: [text('a'), null] }], ['0', 'children', '1'], null],
    [
      'a number deep in a list',
      [{ type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('a')] }, { type: 'list', children: [{ type: 'list-item', children: [7] }] }] }],
      ['0', 'children', '1', 'children', '0', 'children', '0'],
      7,
    ],
  ])('finds %s, with its path', (_name, blocks, path, value) => {
    expect(firstNonObjectNode(blocks as unknown[])).toEqual({ path, value });
  });

  it('reports the first in document order, depth first', () => {
    const blocks = [{ type: 'paragraph', children: [{ type: 'link', children: [null] }] }, null];
    expect(firstNonObjectNode(blocks)?.path).toEqual(['0', 'children', '0', 'children', '0']);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let node: Record<string, unknown> = { type: 'list-item', children: [null] };
    for (let i = 0; i < 100_000; i += 1) node = { type: 'list', children: [node] };
    const found = firstNonObjectNode([node]);
    expect(found?.value).toBeNull();
    expect(found?.path).toHaveLength(1 + 2 * 100_001);
  });
});
