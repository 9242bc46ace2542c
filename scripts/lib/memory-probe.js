'use strict';
// Preloaded (`node --require`) into the server the soak drives, which is
// otherwise a plain `strapi start`: answers {type: 'memory'} on the IPC
// channel with process.memoryUsage(), and again after a full GC when asked
// and the process runs with --expose-gc (the heap a leak would grow, without
// the garbage that has merely not been collected yet).
if (process.send) {
  process.on('message', (message) => {
    if (!message || message.type !== 'memory') return;
    const before = process.memoryUsage();
    let afterGc = null;
    if (message.gc && typeof global.gc === 'function') {
      global.gc();
      afterGc = process.memoryUsage();
    }
    process.send({ type: 'memory', id: message.id, before, afterGc });
  });
  // The channel must not keep the server alive once Strapi has shut down.
  process.channel?.unref();
}
