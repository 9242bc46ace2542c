/**
 * At most `limit` requests of a class at once; up to `queue` more wait, first
 * come first served, for at most `timeoutMs` each. A request that finds the
 * queue full, or waits too long, is refused at once rather than left waiting
 * behind work it cannot overtake.
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */
/** Why a request was refused: told to the client in the 503's details. */
export type Refusal = 'queue full' | 'queue timeout' | 'cancelled';

export type Admission = { admitted: true; release(): void } | { admitted: false; reason: Refusal };

export interface Ticket {
  admission: Promise<Admission>;
  /** The request went away while waiting: give its place up (no-op once admitted). */
  cancel(): void;
}

export interface ConcurrencyGateOptions {
  limit: number;
  queue: number;
  timeoutMs: number;
}

interface Waiter {
  admit(): void;
  refuse(reason: 'queue timeout' | 'cancelled'): void;
}

export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: ConcurrencyGateOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  enter(): Ticket {
    if (this.running < this.options.limit && this.waiting.length === 0) {
      this.running += 1;
      return { admission: Promise.resolve(this.admitted()), cancel: () => undefined };
    }
    if (this.waiting.length >= this.options.queue) {
      return { admission: Promise.resolve({ admitted: false, reason: 'queue full' }), cancel: () => undefined };
    }
    let waiter!: Waiter;
    const admission = new Promise<Admission>((resolve) => {
      const leave = () => {
        clearTimeout(timer);
        const index = this.waiting.indexOf(waiter);
        if (index < 0) return false;
        this.waiting.splice(index, 1);
        return true;
      };
      waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.admitted());
        },
        refuse: (reason) => {
          if (leave()) resolve({ admitted: false, reason });
        },
      };
      // Read by the closures above only once they run, after this line.
      const timer = setTimeout(() => waiter.refuse('queue timeout'), this.options.timeoutMs);
    });
    this.waiting.push(waiter);
    return { admission, cancel: () => waiter.refuse('cancelled') };
  }

  /** A place, released once: the next waiter, if any, takes it over. */
  private admitted(): Admission {
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next.admit();
        else this.running -= 1;
      },
    };
  }
}
