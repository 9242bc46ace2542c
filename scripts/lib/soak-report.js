'use strict';
// The soak's tables (scripts/soak.js): phases, route kinds, the timeline.
const MB = 1024 * 1024;

const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '-');
const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / MB).toFixed(0) : '-');

function printPhases(phases) {
  console.log('\n| phase | seconds | requests | req/s | p50 ms | p99 ms | max ms | errors | of which timeouts | off policy | stock shed |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, seconds, r] of phases) {
    console.log(`| ${name} | ${seconds} | ${r.responses} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.timeouts} | ${r.bad} | ${r.shed} of ${r.stockAnswers} |`);
  }
}

function printKinds(r) {
  console.log('\n| route (soak) | share | requests | p50 ms | p99 ms | max ms | statuses |');
  console.log('|---|---|---|---|---|---|---|');
  for (const k of r.kinds) {
    const statuses = Object.entries(k.statuses).map(([s, n]) => `${s}: ${n}`).join(', ') || '-';
    console.log(`| ${k.kind} | ${k.weight}% | ${k.count} | ${ms(k.p50)} | ${ms(k.p99)} | ${ms(k.max)} | ${statuses} |`);
  }
  for (const k of r.kinds) for (const example of k.badExamples) console.log(`  ${k.kind}: ${example}`);
  for (const [error, n] of Object.entries(r.errorKinds)) console.log(`  error: ${error} x ${n}`);
}

/** The soak in 12 or so slices: answers/s, slowest answer, timeouts and errors, server RSS at the slice's end. */
function printTimeline(perSecond, rss) {
  const every = Math.max(1, Math.round(perSecond.length / 12));
  console.log(`\n| soak, every ${every} s | req/s | slowest ms | errors | RSS MB |\n|---|---|---|---|---|`);
  for (let from = 0; from < perSecond.length; from += every) {
    const slice = perSecond.slice(from, from + every);
    const n = slice.reduce((sum, x) => sum + x.n, 0);
    const errors = slice.reduce((sum, x) => sum + x.errors, 0);
    const slowest = Math.max(...slice.map((x) => x.max));
    const to = Math.min(from + every, rss.length) - 1;
    console.log(`| ${from}–${from + slice.length} s | ${(n / slice.length).toFixed(0)} | ${ms(slowest)} | ${errors} | ${to >= 0 ? mb(rss[to]) : '-'} |`);
  }
}

// ---------------------------------------------------------------- main

module.exports = { ms, mb, printPhases, printKinds, printTimeline };
