import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importKey, normaliseForKey } from '../../../src/plugins/newsroom/server/src/lib/import/import-key';
import { parseTagListing } from '../../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';

describe('importKey', () => {
  it('is a versioned, truncated sha256 in hex', () => {
    expect(importKey('Title', 'Text')).toMatch(/^v1:[0-9a-f]{40}$/);
  });

  it('is stable across releases (changing it would duplicate imported articles)', () => {
    expect(importKey('Title', 'Text')).toBe('v1:b7d8c342233757ac54bf5e8ecd78852e187467e2');
  });

  it('ignores spacing, NBSP, line breaks and Unicode composition', () => {
    const key = importKey('Caf\u00E9 attack', 'First paragraph.\n\nSecond\u00A0one.');
    expect(importKey('  Cafe\u0301  attack ', 'First paragraph. Second one.')).toBe(key);
    expect(importKey('Caf\u00E9\tattack', 'First paragraph.\r\n  Second one.  ')).toBe(key);
  });

  it('keeps case and punctuation, and the title/text boundary', () => {
    const key = importKey('Title', 'Text');
    expect(importKey('title', 'Text')).not.toBe(key);
    expect(importKey('Title', 'Text.')).not.toBe(key);
    expect(importKey('a b', 'c')).not.toBe(importKey('a', 'b c'));
  });

  it('gives a truncated listing item the key of the same text without its ellipsis', () => {
    const seed = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'), 'utf8');
    const item = parseTagListing(seed, { file: 'seed' }).items[0];
    const fromElsewhere = item.excerpt!.replace(/\u00A0\u2026$/, '').replace(/\n\n/g, '\n');
    expect(importKey(item.title, item.text)).toBe(importKey(item.title, fromElsewhere));
  });
});

describe('normaliseForKey', () => {
  it('collapses whitespace runs to one space and trims', () => {
    expect(normaliseForKey('\u00A0a \t\n\u2003b\u00A0')).toBe('a b');
  });
});
