'use strict';
// The memory of a server started with scripts/lib/memory-probe.js (the soak's):
// its RSS from /proc, its heap through the probe, sampled while load runs.
const fs = require('node:fs');

/** The server's resident set from /proc (Linux), read without its event loop's help. */
function procStatus(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [])[1]) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Asks the server's memory probe (scripts/lib/memory-probe.js) for process.memoryUsage(), after a full GC if `gc`. */
function probe(server, gc) {
  return new Promise((resolve) => {
    const id = Math.random();
    const timer = setTimeout(() => {
      server.off('message', onMessage);
      resolve(null);
    }, 30000);
    function onMessage(message) {
      if (message?.type !== 'memory' || message.id !== id) return;
      clearTimeout(timer);
      server.off('message', onMessage);
      resolve(message);
    }
    server.on('message', onMessage);
    server.send({ type: 'memory', id, gc });
  });
}

/** RSS first (as load left it), then the heap after a GC. */
async function sample(server) {
  const proc = procStatus(server.pid);
  const answer = await probe(server, true);
  return {
    rss: proc ? proc.rss : answer?.before.rss,
    heapUsed: answer?.afterGc?.heapUsed ?? answer?.before.heapUsed,
    // Buffers and other memory V8 does not manage: where RSS goes when the heap stays put.
    external: answer?.afterGc?.external ?? answer?.before.external,
    heapAfterGc: Boolean(answer?.afterGc),
  };
}

/** RSS every second while load runs: the peak and a timeline. */
function rssSampler(server) {
  const timeline = [];
  let peak = 0;
  const timer = setInterval(() => {
    const proc = procStatus(server.pid);
    if (!proc) return;
    timeline.push(proc.rss);
    peak = Math.max(peak, proc.rss);
  }, 1000);
  return {
    take() {
      const taken = { timeline: timeline.splice(0), peak };
      peak = 0;
      return taken;
    },
    stop: () => clearInterval(timer),
  };
}

module.exports = { procStatus, sample, rssSampler };
