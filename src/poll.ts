/** The one way anything here waits by asking again: a probe called until it answers or the time is up. */

export type PollOptions = { timeoutMs: number; intervalMs: number; signal?: AbortSignal };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Calls `probe` until it returns something other than undefined, and returns that;
 * returns undefined once `timeoutMs` has passed (or `signal` aborts) without an answer.
 * The probe is always called at least once. Errors from the probe propagate.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, options: PollOptions): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0 || options.signal?.aborted) return undefined;
    await sleep(Math.min(options.intervalMs, left), options.signal);
  }
}
