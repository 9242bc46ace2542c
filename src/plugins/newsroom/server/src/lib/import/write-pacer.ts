/**
 * Sizes the batches of a job that holds the event loop while it works (an
 * import on SQLite, whose driver is synchronous) so that each batch takes
 * about `sliceMs`: between batches the server answers its readers, so a
 * request waits about one slice for each turn of the event loop it needs.
 * The cost of an item is learnt from the batches done (the last ones
 * weigh most: an import slows down as its transaction grows).
 */
export class WritePacer {
  private msPerItem: number | undefined;

  constructor(
    private readonly sliceMs: number,
    private readonly maxItems: number,
    private readonly minItems = 1,
  ) {}

  /** How many items the next batch should hold. */
  next(): number {
    if (this.msPerItem === undefined) return this.minItems;
    const fits = Math.floor(this.sliceMs / Math.max(this.msPerItem, Number.EPSILON));
    return Math.min(this.maxItems, Math.max(this.minItems, fits));
  }

  /** A batch of `items` took `ms`. */
  done(items: number, ms: number): void {
    if (items <= 0) return;
    const cost = ms / items;
    this.msPerItem = this.msPerItem === undefined ? cost : 0.5 * this.msPerItem + 0.5 * cost;
  }
}
