import fc from 'fast-check';
import { ifNoneMatchMatches } from '../../src/plugins/newsroom/server/src/lib/entity-tag-match';

const ETAG = '"abc-123_XYZ"';

describe('ifNoneMatchMatches', () => {
  it.each([
    ['the ETag itself', ETAG],
    ['the ETag, weak (weak comparison)', `W/${ETAG}`],
    ['a list holding it', `"other", ${ETAG}, "more"`],
    ['a list holding it, weak, without spaces', `"other",W/${ETAG}`],
    ['*', '*'],
    ['* with spaces', ' * '],
  ])('matches %s', (_name, header) => {
    expect(ifNoneMatchMatches(header, ETAG)).toBe(true);
  });

  it.each([
    ['no header', ''],
    ['another ETag', '"abc-124_XYZ"'],
    ['a list without it', '"a", W/"b"'],
    ['the ETag unquoted', 'abc-123_XYZ'],
    ['a prefix of it', '"abc-123"'],
    ['it inside a longer tag', '"xabc-123_XYZ"'],
    ['* inside a list', '"a", *'],
  ])('does not match %s', (_name, header) => {
    expect(ifNoneMatchMatches(header, ETAG)).toBe(false);
  });

  it('compares weakly on both sides: a weak current ETag matches its strong form', () => {
    expect(ifNoneMatchMatches(ETAG, `W/${ETAG}`)).toBe(true);
  });

  it('reads an opaque tag with commas as one tag (RFC 9110 etagc)', () => {
    expect(ifNoneMatchMatches('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchMatches('"a,b"', '"a"')).toBe(false);
  });

  it('finds the ETag anywhere in any list of other tags', () => {
    const tag = fc.stringMatching(/^[\x21\x23-\x7E]{1,12}$/).map((t) => (t === ETAG.slice(1, -1) ? `${t}x` : t));
    const member = fc.tuple(fc.boolean(), tag).map(([weak, t]) => `${weak ? 'W/' : ''}"${t}"`);
    fc.assert(
      fc.property(fc.array(member, { maxLength: 5 }), fc.array(member, { maxLength: 5 }), fc.constantFrom(',', ', ', ' , '), (before, after, sep) => {
        expect(ifNoneMatchMatches([...before, ...after].join(sep), ETAG)).toBe(false);
        expect(ifNoneMatchMatches([...before, ETAG, ...after].join(sep), ETAG)).toBe(true);
      }),
    );
  });
});
