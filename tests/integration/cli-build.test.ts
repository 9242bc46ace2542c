import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/*
 * A command-line tool compiles the newsroom plugin and the app only when they
 * changed since their last build, and then always. Run on a copy of the
 * project (its node_modules linked, its dist/ folders copied as the test run's
 * global setup left them), so editing sources leaves alone the one the other
 * test files boot.
 */

// Each test compiles a project or two on shared cores.
jest.setTimeout(300_000);

const root = path.resolve(__dirname, '..', '..');
// types: the schemas' generated types (strapi develop, npm run check:tests) are sources of the app's build.
const COPIED = ['package.json', 'tsconfig.json', '.env', 'config', 'database', 'scripts', 'src', 'types', 'dist'];
let copy: string;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  copy = mkdtempSync(path.join(os.tmpdir(), 'newsroom-build-'));
  for (const entry of COPIED) {
    if (!existsSync(path.join(root, entry))) continue;
    // Not the admin panel's bundle (`strapi build`): the tools do not serve it.
    cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true, filter: (source) => source !== path.join(root, 'dist', 'build') });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  writeFileSync(path.join(copy, 'empty.txt'), '');
  writeFileSync(path.join(copy, 'small.txt'), 'Contents tagged with Small\n\n  • A title\n\n    Some text.\n');
});

afterAll(async () => {
  await database?.drop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** `npm run import -- <file> --json --dry-run` in the copy: what it compiled first, and the problem it reported. */
async function importInCopy(file: string): Promise<{ compiled: string[]; problem: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSROOM_SEED: 'false', INIT_CWD: copy };
  delete env.NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES;
  const run = await promisify(execFile)(process.execPath, [path.join(copy, 'scripts', 'import.js'), file, '--json', '--dry-run'], {
    cwd: copy,
    env,
    timeout: 240_000,
  }).then(
    () => {
      throw new Error(`expected ${file} to be refused`);
    },
    (error: { stdout: string; stderr: string }) => error,
  );
  const compiled = [...run.stderr.matchAll(/^compiling (the newsroom plugin|the app) /gm)].map((match) => match[1]);
  return { compiled, problem: JSON.parse(run.stdout).error.problem };
}

/** When the compiled entry points of the plugin and the app were last written. */
const writtenAt = () =>
  ['src/plugins/newsroom/dist/server/src/index.js', 'dist/src/index.js'].map((file) => statSync(path.join(copy, file)).mtimeMs);

function edit(file: string, from: string, to: string): void {
  const source = readFileSync(path.join(copy, file), 'utf8');
  expect(source).toContain(from);
  writeFileSync(path.join(copy, file), source.replace(from, to));
}

describe('npm run import compiles what changed since the last build', () => {
  it('compiles nothing when nothing changed', async () => {
    const before = writtenAt();
    expect(await importInCopy('empty.txt')).toEqual({ compiled: [], problem: 'document is empty' });
    expect(writtenAt()).toEqual(before);
  });

  it('compiles the plugin on the call after its source is edited, then nothing again', async () => {
    edit('src/plugins/newsroom/server/src/lib/import/parse-tag-listing.ts', "fail(0, 'document is empty')", "fail(0, 'document is empty (edited)')");
    expect(await importInCopy('empty.txt')).toEqual({ compiled: ['the newsroom plugin'], problem: 'document is empty (edited)' });
    const before = writtenAt();
    expect(await importInCopy('empty.txt')).toEqual({ compiled: [], problem: 'document is empty (edited)' });
    expect(writtenAt()).toEqual(before);
  });

  it('compiles the app on the call after its configuration is edited', async () => {
    edit('config/plugins.ts', "env.int('NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES')", "env.int('NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES', 20)");
    expect(await importInCopy('small.txt')).toEqual({ compiled: ['the app'], problem: 'document is over the limit of 20 bytes' });
  });

  it('compiles again when dist/ was written since by a build of other sources', async () => {
    // The unedited configuration's output, as `strapi develop` on another checkout would leave it.
    copyFileSync(path.join(root, 'dist', 'config', 'plugins.js'), path.join(copy, 'dist', 'config', 'plugins.js'));
    expect(await importInCopy('small.txt')).toEqual({ compiled: ['the app'], problem: 'document is over the limit of 20 bytes' });
  });
});
