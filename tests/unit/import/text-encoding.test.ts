import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodingProblem } from '../../../src/plugins/newsroom/server/src/lib/import/text-encoding';

const seed = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'), 'utf8');
const russian = 'Contents tagged with Сирия\n\n  • Коалиция нанесла удар\n\n    По данным ТАСС, коалиция во главе с США нанесла удар.\u00A0…\n';
const chinese = 'Contents tagged with 叙利亚\n\n  • 联军发动空袭\n\n    据塔斯社报道，以美国为首的联军对叙利亚军队发动了新的空袭。\u00A0…\n';
const ndjson = '{"title":"Один","body":"Первый.","tags":["Сирия"]}\n{"title":"Two","body":"Second."}\n';

const LE = 'the document is UTF-16 (little-endian), not UTF-8: save it as UTF-8';
const BE = 'the document is UTF-16 (big-endian), not UTF-8: save it as UTF-8';
const BINARY = 'binary data, not a text document';

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const bom = (bytes: Buffer, order: 'le' | 'be') => Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
/** What the route receives: the bytes as a client decodes them (leniently, as UTF-8), sent as JSON text and encoded again. */
const throughTheRoute = (bytes: Uint8Array) => Buffer.from(new TextDecoder().decode(bytes), 'utf8');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ad0000000049454e44ae426082', 'hex');

describe('encodingProblem', () => {
  it.each([
    ['the seed document', Buffer.from(seed)],
    ['with a UTF-8 BOM', Buffer.from(`\uFEFF${seed}`)],
    ['Russian', Buffer.from(russian)],
    ['Chinese', Buffer.from(chinese)],
    ['NDJSON', Buffer.from(ndjson)],
    ['nothing', Buffer.alloc(0)],
    ['invalid UTF-8 (Latin-1): not this function’s to say', Buffer.from('Contents tagged with Caf\xe9\n', 'latin1')],
  ])('finds nothing wrong with UTF-8 text: %s', (_name, bytes) => {
    expect(encodingProblem(bytes)).toBeNull();
  });

  it.each([
    ['the seed document', seed],
    ['Russian', russian],
    ['Chinese', chinese],
    ['NDJSON', ndjson],
    ['a short line', 'Contents\n'],
  ])('names UTF-16 and its byte order, with or without a BOM, as read or as the route receives it: %s', (_name, text) => {
    for (const [bytes, problem] of [
      [bom(utf16le(text), 'le'), LE],
      [utf16le(text), LE],
      [bom(utf16be(text), 'be'), BE],
      [utf16be(text), BE],
    ] as const) {
      expect(encodingProblem(bytes)).toBe(problem);
      expect(encodingProblem(throughTheRoute(bytes))).toBe(problem);
    }
  });

  it('names UTF-16 from the first 4 KB of a long document', () => {
    expect(encodingProblem(utf16be(seed.repeat(20)))).toBe(BE);
  });

  it.each([
    ['a PNG image', png],
    ['a gzip file', Buffer.from('1f8b08000000000000034b4c4a06000c7e7f3503000000', 'hex')],
    ['bytes counting up', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 128))],
    ['UTF-32 (little-endian, BOM)', Buffer.from([0xff, 0xfe, 0, 0, 0x43, 0, 0, 0, 0x6f, 0, 0, 0, 0x6e, 0, 0, 0])],
    ['UTF-8 text with a NUL', Buffer.from('Contents tagged with Syria\u0000\n')],
  ])('calls binary data binary, never UTF-16, as read or as the route receives it: %s', (_name, bytes) => {
    expect(encodingProblem(bytes)).toBe(BINARY);
    expect(encodingProblem(throughTheRoute(bytes))).toBe(BINARY);
  });

  it('calls random bytes with a NUL binary (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.nat(), (bytes, at) => {
        if (bytes[0] >= 0xfe) bytes[0] = 0x89; // not a BOM
        bytes[at % bytes.length] = 0;
        expect(encodingProblem(bytes)).toBe(BINARY);
      }),
      { numRuns: 300 },
    );
  });

  it('names any listing saved as UTF-16 (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replace(/\p{Cc}/gu, ' '));
    fc.assert(
      fc.property(text, text, fc.boolean(), (tag, body, withBom) => {
        const listing = `Contents tagged with ${tag}\n\n  • Title\n\n    ${body}\n`;
        expect(encodingProblem(withBom ? bom(utf16le(listing), 'le') : utf16le(listing))).toBe(LE);
        expect(encodingProblem(withBom ? bom(utf16be(listing), 'be') : utf16be(listing))).toBe(BE);
      }),
      { numRuns: 300 },
    );
  });
});
