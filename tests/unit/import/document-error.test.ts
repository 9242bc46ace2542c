import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';

describe('DocumentError', () => {
  it('reads like a compiler diagnostic and keeps its parts', () => {
    const error = new DocumentError('us-led-coalition.txt', 3, 'title is empty');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.name).toBe('DocumentError');
    expect(error.message).toBe('us-led-coalition.txt:3: title is empty');
    expect(error).toMatchObject({ file: 'us-led-coalition.txt', line: 3, problem: 'title is empty' });
  });

  it('uses line 0 for the whole file', () => {
    expect(new DocumentError('a.txt', 0, 'document is empty').message).toBe('a.txt:0: document is empty');
  });
});
