#!/usr/bin/env node
'use strict';
// npm run excerpts:regenerate: recompute every article's excerpt (drafts and
// published versions) with the current settings, showing progress.
const cliProgress = require('cli-progress');
const { withStrapi } = require('./lib/boot-strapi');

withStrapi(async (strapi) => {
  const regeneration = strapi.plugin('newsroom').service('excerpt-regeneration');
  const bar = new cliProgress.SingleBar(
    { format: 'excerpts [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left', noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const result = await regeneration.run((done, total) => {
    if (!started) bar.start(total, 0);
    started = true;
    bar.setTotal(total);
    bar.update(done);
  });
  if (started) bar.stop();
  if (!result) throw new Error('excerpt regeneration is already running (started from the admin or another process)');
  console.log(`regenerated excerpts: ${result.total} article rows read, ${result.changed} changed`);
});
