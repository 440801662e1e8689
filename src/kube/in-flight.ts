/**
 * A bound on how many requests are on the wire at once. A deploy asks for
 * hundreds of dry-runs and applies together; sent all at once they make the
 * API server decode, admit and answer every one of them side by side (more
 * memory on both ends, more contention on a busy server) for no gain in
 * throughput. Requests over the bound wait their turn, in order, before
 * their request timeout starts.
 */
export class InFlight {
  private readonly limit: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  /** Runs `work` once a slot is free; the slot is given back when it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
