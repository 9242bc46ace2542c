import path from 'node:path';
import { buildIfChanged } from '../../scripts/lib/build-if-changed';

// Compile the newsroom plugin and the app once per run, each unless unchanged
// since its last build (as the command-line tools do, so the ones the tests
// run compile nothing); every test file then boots the compiled app.
export default async function globalSetup(): Promise<void> {
  await buildIfChanged({ appDir: path.resolve(__dirname, '..', '..') });
}
