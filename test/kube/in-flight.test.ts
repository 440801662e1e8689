// The bound on requests on the wire at once: never more than the limit, every task run in turn,
// a failed task's slot given back.
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/kube/in-flight.ts';

/** A task that stays running until released, recording how many ran at once. */
function gate() {
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const task = (value: number, fail = false) => async () => {
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running -= 1;
    if (fail) throw new Error(`task ${value} failed`);
    return value;
  };
  /** Releases the tasks running now, and lets the next ones start. */
  const releaseAll = async () => {
    for (const release of releases.splice(0)) release();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { task, releaseAll, most: () => most, started: () => releases.length };
}

describe('InFlight', () => {
  it('runs at most `limit` tasks at once and all of them in the end', async () => {
    const bound = new InFlight(3);
    const g = gate();
    const all = Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => bound.run(g.task(n))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.started()).toBe(3);
    for (let i = 0; i < 3; i++) await g.releaseAll();
    expect(await all).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(g.most()).toBe(3);
  });

  it('gives the slot of a failed task to the next one', async () => {
    const bound = new InFlight(1);
    const g = gate();
    // Settled into a value at once: a rejection nobody awaits yet would be unhandled.
    const failed = bound.run(g.task(1, true)).then(() => 'resolved', (error: Error) => error.message);
    const next = bound.run(g.task(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.started()).toBe(1);
    await g.releaseAll();
    expect(await failed).toBe('task 1 failed');
    await g.releaseAll();
    expect(await next).toBe(2);
    expect(g.most()).toBe(1);
  });
});
