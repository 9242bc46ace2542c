import fc from 'fast-check';
import { WritePacer } from '../../../src/plugins/newsroom/server/src/lib/import/write-pacer';

describe('WritePacer', () => {
  it('starts with the smallest batch, then sizes batches to the slice from what they cost', () => {
    const pacer = new WritePacer(20, 500, 5);
    expect(pacer.next()).toBe(5);
    pacer.done(5, 5); // 1 ms an item
    expect(pacer.next()).toBe(20);
    pacer.done(20, 40); // 2 ms an item: the estimate moves halfway, to 1.5 ms
    expect(pacer.next()).toBe(13);
  });

  it('follows a job that slows down as it goes', () => {
    const pacer = new WritePacer(25, 1000);
    for (let ms = 0.1; ms < 5; ms *= 1.5) pacer.done(pacer.next(), pacer.next() * ms);
    pacer.done(pacer.next(), pacer.next() * 5);
    pacer.done(pacer.next(), pacer.next() * 5);
    expect(pacer.next()).toBeLessThanOrEqual(6);
  });

  it('keeps every batch within its bounds, and a steady cost converges to the slice', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 50, max: 5000 }),
        (msPerItem, min, max) => {
          const pacer = new WritePacer(20, max, min);
          for (let i = 0; i < 30; i += 1) {
            const size = pacer.next();
            expect(size).toBeGreaterThanOrEqual(min);
            expect(size).toBeLessThanOrEqual(max);
            pacer.done(size, size * msPerItem);
          }
          const size = pacer.next();
          if (size > min && size < max) expect(size * msPerItem).toBeLessThanOrEqual(20 + 1e-9);
          if (size < max) expect((size + 1) * msPerItem).toBeGreaterThan(20 - 1e-6);
        },
      ),
    );
  });
});
