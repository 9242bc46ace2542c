'use strict';
// Compiles the app for the command-line tools, only what changed. Compiling
// (the newsroom plugin's tsc, then Strapi's compile of the app) was most of a
// tool's 20-30 s. A stamp in each dist/ holds a hash of what it was built
// from (the files tsc compiles, their contents, the compiler options) and of
// what the build wrote, so a project is compiled again when a source changed,
// and also when dist/ was written since by another build (`strapi develop`,
// `npm run build:plugin` on other sources) or by hand.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const STAMP = '.build-stamp.json';
const PLUGIN_TSCONFIG = path.join('src', 'plugins', 'newsroom', 'tsconfig.json');

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** The config's options and files, and the local files they import from outside its `include` (the plugin's package.json). */
function sourceFiles(ts, tsconfig) {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new Error(`${tsconfig}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    },
  });
  const files = new Set(parsed.fileNames.map((file) => path.resolve(file)));
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file.endsWith('.json')) continue;
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(fileName, file, parsed.options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.extension === '.d.ts') continue;
      const imported = path.resolve(resolved.resolvedFileName);
      if (!files.has(imported)) pending.push(imported);
      files.add(imported);
    }
  }
  return { options: parsed.options, files: [...files].sort() };
}

/** What a build of `tsconfig` depends on, independent of where the project lies; and where it writes. */
function sources(ts, tsconfig, root) {
  const { options, files } = sourceFiles(ts, tsconfig);
  const relative = (key, value) => (typeof value === 'string' && path.isAbsolute(value) ? path.relative(root, value) : value);
  const lines = [`typescript ${ts.version}`, JSON.stringify(options, relative)];
  for (const file of files) lines.push(`${path.relative(root, file)} ${sha256(fs.readFileSync(file))}`);
  return { hash: sha256(lines.join('\n')), distDir: options.outDir };
}

/** The files a build wrote into `distDir`, leaving out the admin panel's bundle (`strapi build`) and tsc's bookkeeping. */
function outputsHash(distDir) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      const relative = path.relative(distDir, file);
      if (relative === STAMP || relative === 'build' || entry.name.endsWith('.tsbuildinfo')) continue;
      if (entry.isDirectory()) walk(file);
      else lines.push(`${relative} ${sha256(fs.readFileSync(file))}`);
    }
  };
  walk(distDir);
  return sha256(lines.join('\n'));
}

function readStamp(distDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** Builds one project unless its stamp matches its sources and outputs; its dist/ and whether it built. */
async function buildProject(ts, { name, tsconfig, root, build }) {
  const { hash, distDir } = sources(ts, tsconfig, root);
  const stamp = readStamp(distDir);
  if (stamp?.sources === hash && stamp.outputs === outputsHash(distDir)) return { distDir, built: false };
  console.error(`compiling ${name} (not built from its current sources) ...`);
  await build();
  const written = path.join(distDir, `${STAMP}.${process.pid}`);
  fs.writeFileSync(written, JSON.stringify({ sources: hash, outputs: outputsHash(distDir) }));
  fs.renameSync(written, path.join(distDir, STAMP));
  return { distDir, built: true };
}

function compilePlugin(tsconfig) {
  try {
    // As `npm run build:plugin`, its messages on stderr: stdout may carry a tool's JSON.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { stdio: ['ignore', 2, 2] });
  } catch {
    throw new Error(`the newsroom plugin does not compile (tsc -p ${tsconfig}: errors above)`);
  }
}

/** Compiles the newsroom plugin, then the app, each unless unchanged; the app's dist/ and what was compiled. */
async function buildIfChanged({ appDir }) {
  // Loaded here: a tool booting what is built (bootStrapi's `compile: false`) needs neither.
  const ts = require('typescript');
  const { compileStrapi } = require('@strapi/strapi');
  const pluginConfig = path.join(appDir, PLUGIN_TSCONFIG);
  const plugin = await buildProject(ts, { name: 'the newsroom plugin', tsconfig: pluginConfig, root: appDir, build: () => compilePlugin(pluginConfig) });
  // Strapi's own compile: into the outDir of the app's tsconfig; exits on errors.
  const app = await buildProject(ts, { name: 'the app', tsconfig: path.join(appDir, 'tsconfig.json'), root: appDir, build: () => compileStrapi({ appDir }) });
  const compiled = [plugin.built && 'plugin', app.built && 'app'].filter(Boolean);
  return { distDir: app.distDir, compiled };
}

module.exports = { buildIfChanged };
