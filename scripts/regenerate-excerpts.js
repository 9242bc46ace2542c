#!/usr/bin/env node
'use strict';
// npm run excerpts:regenerate: recompute every article's excerpt (drafts and
// published versions) with the current settings, showing progress.
const { withStrapi } = require('./lib/boot-strapi');
const { count, percent, progress } = require('./lib/progress');

withStrapi(async (strapi) => {
  const regeneration = strapi.plugin('newsroom').service('excerpt-regeneration');
  const shown = progress({
    bar: 'excerpts [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left',
    line: ({ value, total }) => `excerpts: ${count(value)}/${count(total)} articles, ${percent(value, total)}`,
  });
  let result;
  try {
    result = await regeneration.run((done, total) => shown.update(done, total));
  } finally {
    shown.stop();
  }
  if (!result) throw new Error('excerpt regeneration is already running (started from the admin or another process)');
  console.log(`regenerated excerpts: ${result.total} article rows read, ${result.changed} changed`);
});
