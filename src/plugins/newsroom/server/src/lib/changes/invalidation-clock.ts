/**
 * Which cached responses a change made stale, in memory: every invalidation
 * ticks a clock and stamps the cache tags it names. A response built at tick
 * `t` (the tick read before its first query) is fresh while none of its
 * cache tags was stamped after `t`: a hit costs a map lookup per tag, no
 * query. Stamps are forgotten by flushing once too many are kept.
 */
export class InvalidationClock {
  private tick = 0;
  private flushedAt = 0;
  private stamps = new Map<string, number>();

  constructor(private readonly maxStamps = 200_000) {}

  now(): number {
    return this.tick;
  }

  invalidate(tags: Iterable<string>): void {
    this.tick += 1;
    for (const tag of tags) this.stamps.set(tag, this.tick);
    if (this.stamps.size > this.maxStamps) this.flush();
  }

  /** Everything built so far is stale. */
  flush(): void {
    this.tick += 1;
    this.flushedAt = this.tick;
    this.stamps.clear();
  }

  isFresh(tags: readonly string[], builtAt: number): boolean {
    if (this.flushedAt > builtAt) return false;
    return tags.every((tag) => (this.stamps.get(tag) ?? 0) <= builtAt);
  }
}
