import { ConcurrencyGate, type Admission } from '../../../src/lib/admission/concurrency-gate';

const admittedOrNot = (admission: Admission) => (admission.admitted ? 'admitted' : admission.reason);

describe('ConcurrencyGate', () => {
  it('admits up to the limit at once, queues up to the queue, refuses the rest at once', async () => {
    const gate = new ConcurrencyGate({ limit: 2, queue: 1, timeoutMs: 10_000 });
    const tickets = [1, 2, 3, 4].map(() => gate.enter());
    const first = await tickets[0].admission;
    expect(admittedOrNot(first)).toBe('admitted');
    expect(admittedOrNot(await tickets[1].admission)).toBe('admitted');
    expect(admittedOrNot(await tickets[3].admission)).toBe('queue full');
    expect(gate.load).toEqual({ running: 2, waiting: 1 });

    // A place freed goes to the first waiter.
    if (first.admitted) first.release();
    const third = await tickets[2].admission;
    expect(admittedOrNot(third)).toBe('admitted');
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    // Released twice counts once.
    if (first.admitted) first.release();
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
  });

  it('refuses a waiter after timeoutMs', async () => {
    const gate = new ConcurrencyGate({ limit: 1, queue: 5, timeoutMs: 50 });
    const held = await gate.enter().admission;
    const started = Date.now();
    expect(admittedOrNot(await gate.enter().admission)).toBe('queue timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    if (held.admitted) held.release();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('a cancelled waiter gives its place in the queue up; cancelling once admitted does nothing', async () => {
    const gate = new ConcurrencyGate({ limit: 1, queue: 5, timeoutMs: 10_000 });
    const holder = gate.enter();
    const held = await holder.admission;
    const gone = gate.enter();
    const next = gate.enter();
    gone.cancel();
    expect(admittedOrNot(await gone.admission)).toBe('cancelled');
    holder.cancel();
    expect(gate.load).toEqual({ running: 1, waiting: 1 });
    if (held.admitted) held.release();
    const admitted = await next.admission;
    expect(admittedOrNot(admitted)).toBe('admitted');
    if (admitted.admitted) admitted.release();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('first come, first served: a newcomer does not overtake the queue', async () => {
    const gate = new ConcurrencyGate({ limit: 1, queue: 5, timeoutMs: 10_000 });
    const held = await gate.enter().admission;
    const order: string[] = [];
    const a = gate.enter().admission.then((admission) => (order.push('a'), admission));
    if (held.admitted) held.release();
    const b = gate.enter().admission.then((admission) => (order.push('b'), admission));
    const first = await a;
    if (first.admitted) first.release();
    await b;
    expect(order).toEqual(['a', 'b']);
  });
});
