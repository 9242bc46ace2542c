import { documentFormat, knownOutlet, tagKey } from '../../../src/plugins/newsroom/server/src/lib/import';

describe('tagKey', () => {
  it('ignores case, composition and spacing', () => {
    expect(tagKey(' US-led  Coalition ')).toBe(tagKey('us-led coalition'));
    expect(tagKey('Cafe\u0301')).toBe(tagKey('CAFÉ'));
    expect(tagKey('Москва')).toBe(tagKey('МОСКВА'));
    expect(tagKey('US-led coalition')).not.toBe(tagKey('US led coalition'));
  });
});

describe('knownOutlet', () => {
  it('finds an outlet by its name or an alias, in any script and case', () => {
    expect(knownOutlet('ТАСС')?.name).toBe('TASS');
    expect(knownOutlet('the associated press')?.name).toBe('Associated Press');
    expect(knownOutlet('Euphrate Post')?.name).toBe('Euphrates Post');
    expect(knownOutlet('Local Radio')).toBeUndefined();
  });
});

describe('documentFormat', () => {
  it('goes by extension, else by the first character', () => {
    expect(documentFormat('export.ndjson', 'Contents')).toBe('ndjson');
    expect(documentFormat('EXPORT.JSONL', '')).toBe('ndjson');
    expect(documentFormat('listing.txt', '{')).toBe('listing');
    expect(documentFormat('document', '\uFEFF  {"title"')).toBe('ndjson');
    expect(documentFormat('document', 'Contents tagged with X')).toBe('listing');
  });
});
