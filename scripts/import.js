#!/usr/bin/env node
'use strict';
// npm run import -- <files or folders...> [--dry-run] [--draft] [--json]
// Imports tag listings (*.txt) and NDJSON files (*.ndjson), each in one
// transaction, in the order given (a folder's files sorted by name). Stops at
// the first document refused; those before it stay imported.
// Exit code: 0 all imported, 1 a document was refused (or anything failed), 2 bad usage.
const path = require('node:path');
const { parseArgs } = require('node:util');
const { bootStrapi } = require('./lib/boot-strapi');
const { count, percent, progress } = require('./lib/progress');

const USAGE = 'usage: npm run import -- <files or folders...> [--dry-run] [--draft] [--json]';
// Smaller documents import in a blink: no progress bar for them.
const PROGRESS_FROM_BYTES = 1024 * 1024;
// A human summary lists each article of documents up to this size, and this many created tags or sources.
const LIST_ITEMS_UP_TO = 100;
const LIST_NAMES_UP_TO = 20;

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, draft: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    return { error };
  }
}

/** Shown for documents over PROGRESS_FROM_BYTES: a bar on a terminal, else a plain line now and then. */
function importProgress() {
  let shown = null;
  return {
    update({ articles, bytesRead, totalBytes }) {
      if (!shown && totalBytes >= PROGRESS_FROM_BYTES) {
        shown = progress({
          bar: 'import [{bar}] {percentage}% | {articles} articles | {eta_formatted} left',
          line: ({ value, total, articles: done }) => `import: ${count(done)} articles, ${percent(value, total)}`,
        });
      }
      shown?.update(bytesRead, totalBytes, { articles });
    },
    stop() {
      shown?.stop();
    },
  };
}

function names(list) {
  const shown = list.slice(0, LIST_NAMES_UP_TO).join(', ');
  return list.length > LIST_NAMES_UP_TO ? `${shown}, ... (${list.length} in all)` : shown;
}

function describe(summary) {
  const { created, updated, unchanged } = summary.articles;
  const dryRun = summary.dryRun ? ' (dry run: rolled back, nothing written)' : '';
  const lines = [
    `${summary.file} (${summary.format}): articles ${created} created, ${updated} updated, ${unchanged} unchanged in ${(summary.durationMs / 1000).toFixed(1)} s${dryRun}`,
  ];
  if (summary.tags.created.length > 0) lines.push(`  tags created: ${names(summary.tags.created)}`);
  if (summary.sources.created.length > 0) lines.push(`  sources created: ${names(summary.sources.created)}`);
  if (created + updated + unchanged <= LIST_ITEMS_UP_TO) {
    for (const item of summary.items) {
      const sources = item.sources.length > 0 ? ` [${item.sources.join(', ')}]` : '';
      lines.push(`  line ${item.line}: ${item.action} ${JSON.stringify(item.title)}${sources}`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const { values, positionals, error } = parse();
  if (error || values.help || positionals.length === 0) {
    console.error(error ? `${error.message}\n${USAGE}` : USAGE);
    process.exitCode = values?.help ? 0 : 2;
    return;
  }
  // Strapi logs to stdout: with --json, stdout carries the JSON alone.
  if (values.json) process.env.LOG_LEVEL = 'error';
  const documents = [];
  let failure = null;
  let strapi;
  try {
    strapi = await bootStrapi();
    const importer = strapi.plugin('newsroom').service('document-import');
    // `npm run` starts scripts in the project's root: paths are relative to where it was typed.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const files = await importer.documentFiles(positionals.map((given) => path.resolve(cwd, given)));
    for (const file of files) {
      const bar = importProgress();
      try {
        const summary = await importer.importFile(file, {
          fileName: path.relative(cwd, file),
          dryRun: values['dry-run'] === true,
          draft: values.draft === true,
          onProgress: (progress) => bar.update(progress),
        });
        documents.push(summary);
        if (!values.json) console.log(describe(summary));
      } finally {
        bar.stop();
      }
    }
  } catch (caught) {
    failure = caught;
  } finally {
    if (strapi) await strapi.destroy();
  }
  if (values.json) {
    const error = failure && {
      message: failure.message,
      ...(failure.name === 'DocumentError' ? { file: failure.file, line: failure.line, problem: failure.problem } : {}),
    };
    console.log(JSON.stringify({ documents, error }, null, 2));
  }
  if (failure) {
    console.error(`error: ${failure.message}`);
    process.exitCode = 1;
  }
}

main();
