/** Text read from a body: normalised, and whether it is all of the body's text. */
export interface ExtractedText {
  normalized: string;
  /** False when reading stopped early: `normalized` is then a prefix of the whole. */
  complete: boolean;
}

const VISIBLE = /\S/;

/**
 * Accumulates text extracted from markup, with line and paragraph breaks, and
 * says when `budget` characters have been gathered so the reader can stop.
 * Breaks are held back until more text follows, so leading, trailing and
 * repeated breaks never reach the output and what has been gathered is
 * always a prefix of what a full read would give.
 */
export class TextCollector {
  private readonly parts: string[] = [];
  private size = 0;
  private pendingBreak: '' | '\n' | '\n\n' = '';

  constructor(private readonly budget: number = Infinity) {}

  get length(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size >= this.budget;
  }

  text(value: string): void {
    if (value === '') return;
    if (this.pendingBreak !== '') {
      // Whitespace between two blocks (markup indentation) is not content.
      if (!VISIBLE.test(value)) return;
      if (this.size > 0) this.push(this.pendingBreak);
      this.pendingBreak = '';
    }
    this.push(value);
  }

  lineBreak(): void {
    if (this.pendingBreak === '') this.pendingBreak = '\n';
  }

  paragraphBreak(): void {
    this.pendingBreak = '\n\n';
  }

  toString(): string {
    return this.parts.join('');
  }

  private push(value: string): void {
    this.parts.push(value);
    this.size += value.length;
  }
}
