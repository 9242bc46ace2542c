import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const appDir = path.resolve(__dirname, '..', '..');

export interface ChildApp {
  url: string;
  /** What it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The compiled app (jest's global setup compiled it), without the admin panel, on HOST:PORT.
const BOOT = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false }).start()`;

/**
 * A second instance of the app, in a process of its own (Strapi is a
 * process-wide singleton), on the database `env` selects; resolved once it
 * answers.
 */
export async function startChildApp(env: Record<string, string>, timeoutMs = 90_000): Promise<ChildApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['-e', BOOT], {
    cwd: appDir,
    env: { ...process.env, LOG_LEVEL: 'warn', NEWSROOM_SEED: 'false', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const app: ChildApp = {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (child.exitCode !== null) throw new Error(`the second instance exited with ${child.exitCode}:\n${log}`);
    const up = await fetch(`${url}/_health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return app;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`the second instance did not answer within ${timeoutMs} ms:\n${log}`);
    }
  }
}
