#!/usr/bin/env node
'use strict';
// npm run bench:excerpt: the excerpt engine (prefix-only reading) against a
// naive pipeline that converts the whole body to text and segments all of it.
// Needs the compiled plugin (npm run build:plugin). Usage:
//   node scripts/bench-excerpt.js [bodies=10000] [naiveBodies=2000]
// The naive pipeline is timed on the first naiveBodies only (it is some 40x
// slower, and all 10,000 would take minutes); the bodies are drawn alike, so
// rates compare.

const path = require('node:path');
const { random } = require('./lib/corpus');
const { BODY_SIZE, BUILDERS, FORMATS, makeWriter } = require('./lib/excerpt-bodies');
const { naiveExcerpter } = require('./lib/naive-excerpt');

const compiled = path.join(__dirname, '../src/plugins/newsroom/dist/server/src/lib/excerpt');
let engine;
try {
  engine = require(compiled);
} catch (error) {
  console.error(`Cannot load ${compiled} (${error.message}); run npm run build:plugin first.`);
  process.exit(1);
}
const { excerptFromBody, DEFAULT_EXCERPT_OPTIONS } = engine;

const COUNT = Number(process.argv[2] ?? 10_000);
const NAIVE_COUNT = Math.min(COUNT, Number(process.argv[3] ?? 2_000));
const { maxLength: MAX_LENGTH } = DEFAULT_EXCERPT_OPTIONS;
const naiveExcerpt = naiveExcerpter(DEFAULT_EXCERPT_OPTIONS);

function timeRun(bodies, excerptOf) {
  const start = performance.now();
  for (const { body, format } of bodies) excerptOf(body, format);
  return (performance.now() - start) / 1000;
}

const rate = (perSecond) => Math.round(perSecond).toLocaleString('en-US');
const show = (value) => JSON.stringify(value.length > 90 ? `…${value.slice(-90)}` : value);

function main() {
  const writer = makeWriter(random(20_180_419));
  const bodies = Array.from({ length: COUNT }, (_, i) => {
    const format = FORMATS[i % FORMATS.length];
    return { format, body: BUILDERS[format](writer) };
  });
  console.log(`${COUNT} bodies of ~${BODY_SIZE / 1024} KB (html, markdown, blocks in thirds); maxLength ${MAX_LENGTH}`);

  // Warm-up so both pipelines are measured with optimised code.
  const warm = bodies.slice(0, 300);
  timeRun(warm, excerptFromBody);
  timeRun(warm, naiveExcerpt);

  console.log(`\nexcerpts per second (ours on all ${COUNT} bodies, naive on the first ${NAIVE_COUNT}):`);
  console.log('format             ours        naive   ours/naive');
  const totals = { ours: 0, naive: 0 };
  for (const format of [...FORMATS, 'all']) {
    const pick = (list) => (format === 'all' ? list : list.filter((b) => b.format === format));
    const oursBodies = pick(bodies);
    const naiveBodies = pick(bodies.slice(0, NAIVE_COUNT));
    const ours = format === 'all' ? totals.ours : timeRun(oursBodies, excerptFromBody);
    const naive = format === 'all' ? totals.naive : timeRun(naiveBodies, naiveExcerpt);
    if (format !== 'all') {
      totals.ours += ours;
      totals.naive += naive;
    }
    const oursRate = oursBodies.length / ours;
    const naiveRate = naiveBodies.length / naive;
    console.log(
      `${format.padEnd(10)} ${rate(oursRate).padStart(10)}   ${rate(naiveRate).padStart(10)}   ${(oursRate / naiveRate).toFixed(1).padStart(9)}x`,
    );
  }

  console.log('\nagreement on a sample of 300 bodies per format (ours === naive):');
  for (const format of FORMATS) {
    const sample = bodies.filter((b) => b.format === format).slice(0, 300);
    const differing = sample.filter(({ body }) => excerptFromBody(body, format) !== naiveExcerpt(body, format));
    console.log(`  ${format.padEnd(9)} ${sample.length - differing.length}/${sample.length} identical`);
    if (differing.length > 0) {
      const { body } = differing[0];
      console.log(`    first difference, ours : ${show(excerptFromBody(body, format))}`);
      console.log(`                      naive: ${show(naiveExcerpt(body, format))}`);
    }
  }
  console.log(
    '  (expected: two Markdown lists separated by a blank line make one loose list, whose items\n' +
      '   marked renders as <li><p>, so html-to-text gives a paragraph per item where our rule\n' +
      '   gives one line per item; the cut then falls a word or so apart)',
  );

  console.log('\none 5 MB body vs one 5 KB body (ours):');
  for (const format of FORMATS) {
    const small = bodies.find((b) => b.format === format).body;
    const parts = [];
    let size = 0;
    while (size < 5 * 1024 * 1024) {
      const body = BUILDERS[format](writer);
      parts.push(body);
      size += format === 'blocks' ? JSON.stringify(body).length : body.length;
    }
    const huge = format === 'blocks' ? [].concat(...parts) : parts.join(format === 'html' ? '\n' : '\n\n');
    const perCall = (body) => {
      const runs = 500;
      for (let i = 0; i < 50; i += 1) excerptFromBody(body, format);
      const start = performance.now();
      for (let i = 0; i < runs; i += 1) excerptFromBody(body, format);
      return ((performance.now() - start) * 1000) / runs;
    };
    const smallMicros = perCall(small);
    const hugeMicros = perCall(huge);
    console.log(
      `  ${format.padEnd(9)} 5 KB: ${smallMicros.toFixed(1).padStart(7)} µs   5 MB: ${hugeMicros.toFixed(1).padStart(7)} µs   ratio ${(hugeMicros / smallMicros).toFixed(2)}`,
    );
  }
}

main();
