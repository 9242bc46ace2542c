import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SEED_FILE, isDocumentError, ndjson, rowCounts } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * A document that is not UTF-8 text is named the same whichever way it comes:
 * a file given to `npm run import` (its bytes), bytes given to the importer
 * service, or the route's JSON text (the file as a client decodes it, as
 * UTF-8: the BOM becomes U+FFFD, the NULs stay).
 */

const LE = 'the document is UTF-16 (little-endian), not UTF-8: save it as UTF-8';
const BE = 'the document is UTF-16 (big-endian), not UTF-8: save it as UTF-8';
const BINARY = 'binary data, not a text document';

const seed = readFileSync(SEED_FILE, 'utf8');
const lines = ndjson([{ title: 'One', body: 'First.', tags: ['Encodings'] }, { title: 'Two', body: 'Second.' }]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ad0000000049454e44ae426082', 'hex');

const documents: Array<[string, Buffer, string]> = [
  ['utf16le-bom.txt', utf16le(seed), LE],
  ['utf16le-bom.ndjson', utf16le(lines), LE],
  ['utf16be.txt', utf16be(seed), BE],
  ['utf16be.ndjson', utf16be(lines), BE],
  ['photo.png', png, BINARY],
  ['photo.ndjson', png, BINARY],
];

const root = path.resolve(__dirname, '..', '..');
const app = useTestApp({ imports: [SEED_FILE] }); // refusals must leave existing content alone
let token: string;
let dir: string;
let before: Record<string, number>;

beforeAll(async () => {
  token = await app.editorToken('Importer', ['plugin::newsroom.import']);
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-encodings-'));
  before = await rowCounts(app);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm run import -- <file> --json` on the test app's database: its error, and its exit code. */
async function cli(file: string) {
  const run = await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'import.js'), file, '--json'], {
    cwd: root,
    env: { ...process.env, NEWSROOM_SEED: 'false' },
    timeout: 120_000,
  }).then(
    () => ({ code: 0, stdout: '', stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: run.code, error: JSON.parse(run.stdout).error, stderr: run.stderr };
}

async function service(bytes: Buffer, fileName: string) {
  const error = await app.importer()
    .importDocument(bytes, { fileName })
    .then(() => null, (caught: unknown) => caught);
  if (!isDocumentError(error)) throw new Error(`expected a DocumentError, got ${String(error)}`);
  return { message: error.message, file: error.file, line: error.line, problem: error.problem };
}

async function route(bytes: Buffer, fileName: string) {
  const text = new TextDecoder().decode(bytes);
  const res = await app.request().post('/newsroom/import').set('Authorization', `Bearer ${token}`).send({ text, fileName, dryRun: false }).expect(400);
  return res.body.error;
}

describe('a document that is not UTF-8 text', () => {
  it.each(documents)('%s: the CLI, the service and the route say the same, and write nothing', async (name, bytes, problem) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);

    const byCli = await cli(file);
    expect(byCli.code).toBe(1);
    expect(byCli.error).toEqual({ message: `${byCli.error.file}:0: ${problem}`, file: expect.stringMatching(new RegExp(`${name}$`)), line: 0, problem });
    expect(byCli.stderr).toBe(`error: ${byCli.error.message}\n`);

    expect(await service(bytes, name)).toEqual({ message: `${name}:0: ${problem}`, file: name, line: 0, problem });

    expect(await route(bytes, name)).toEqual({
      status: 400,
      name: 'ValidationError',
      message: `${name}:0: ${problem}`,
      details: { file: name, line: 0, problem },
    });

    expect(await rowCounts(app)).toEqual(before);
  });
});
