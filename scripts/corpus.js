#!/usr/bin/env node
'use strict';
// npm run corpus -- [--articles 100000] [--out .tmp/corpus.ndjson] [--seed 1]
// Writes a deterministic NDJSON corpus (scripts/lib/corpus.js) for the
// import and tag-page benchmarks; `npm run import -- <file>` loads it.
const fs = require('node:fs');
const path = require('node:path');
const { once } = require('node:events');
const { parseArgs } = require('node:util');
const { DEFAULTS, corpusLines } = require('./lib/corpus');

const root = path.resolve(__dirname, '..');

/** Writes the corpus of `options` (scripts/lib/corpus.js's) to `out`, waiting for the disk when it is behind. */
async function writeCorpus({ out, ...options }) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const file = fs.createWriteStream(out);
  for (const line of corpusLines(options)) {
    if (!file.write(`${line}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: String(DEFAULTS.articles) },
      out: { type: 'string', default: '.tmp/corpus.ndjson' },
      seed: { type: 'string', default: String(DEFAULTS.seed) },
    },
  });
  const options = { articles: Number(values.articles), out: path.resolve(root, values.out), seed: Number(values.seed) };
  const started = Date.now();
  writeCorpus(options).then(
    () => {
      const mb = fs.statSync(options.out).size / 1e6;
      console.log(`wrote ${options.articles} articles (${mb.toFixed(0)} MB) to ${path.relative(root, options.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    (error) => {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { writeCorpus };
