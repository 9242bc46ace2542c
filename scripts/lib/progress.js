'use strict';
// Progress of a long command on stderr: a bar on a terminal; anywhere else (a
// pipe, a log file, CI), where a bar's redrawing is junk, a plain line at the
// first update and then every few seconds.
const cliProgress = require('cli-progress');

const LINE_EVERY_MS = 5000;
const count = (n) => n.toLocaleString('en-US');
const percent = (value, total) => `${total > 0 ? Math.floor((100 * value) / total) : 0}%`;

/**
 * `bar`: cli-progress's format (with {value}, {total} and the payload's
 * fields); `line({value, total, ...payload})`: the plain line.
 */
function progress({ bar: format, line, stream = process.stderr }) {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format, stream }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(value, total, payload = {}) {
        if (!started) bar.start(total, value, payload);
        started = true;
        bar.setTotal(total);
        bar.update(value, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastLineAt = null;
  return {
    update(value, total, payload = {}) {
      const now = Date.now();
      if (lastLineAt !== null && now - lastLineAt < LINE_EVERY_MS) return;
      lastLineAt = now;
      stream.write(`${line({ value, total, ...payload })}\n`);
    },
    stop() {},
  };
}

module.exports = { count, percent, progress };
