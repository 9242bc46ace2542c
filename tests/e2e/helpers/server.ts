import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const appDir = path.resolve(__dirname, '..', '..', '..');

export interface E2EServer {
  url: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${output()}`);
    const up = await fetch(`${url}/_health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`strapi start did not answer within ${timeoutMs} ms:\n${output()}`);
}

export interface StartOptions {
  /** Env variables set over the defaults below (a test's config: faster retries, say). */
  env?: Record<string, string>;
}

/**
 * `strapi start` as production runs it (the built admin panel and the API on
 * one port), on a fresh SQLite database and a free port, without seed data.
 */
export async function startServer({ env = {} }: StartOptions = {}): Promise<E2EServer> {
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
    throw new Error('No built admin panel in dist/build: run `npm run build` before `npm run test:e2e`.');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(tmp, 'data.db'),
      PUBLIC_DIR: path.join(tmp, 'public'),
      NEWSROOM_SEED: 'false',
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const output = () => log;
  try {
    await waitUntilUp(url, child, output, 60000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    url,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
