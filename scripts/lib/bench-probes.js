'use strict';
// What the HTTP benchmarks share beyond the server: their command-line
// flags, timed requests from Node's fetch, probe loops and percentiles.

const args = process.argv.slice(2);

/** The value after `--name` on the command line, else `fallback`. */
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

/** Whether `--name` is on the command line. */
const hasFlag = (name) => args.includes(`--${name}`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};

/** One request, read to its end: how long it took and its status (or the error's name). */
async function timed(url, init = {}) {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000), ...init });
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status };
  } catch (error) {
    return { ms: performance.now() - started, status: error.name };
  }
}

/**
 * Probes `urls` every `everyMs` until stopped; each probe is its own
 * request, not waiting for the last, so a stalled server shows as slow
 * probes rather than as fewer of them.
 */
function probeLoop(urls, everyMs) {
  const results = urls.map(() => []);
  const pending = [];
  const timer = setInterval(() => {
    urls.forEach((url, i) => pending.push(timed(url).then((r) => results[i].push(r))));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return results;
    },
  };
}

module.exports = { flag, hasFlag, sleep, percentile, timed, probeLoop };
