import { pollUntil } from '../../src/poll.ts';

/** The one polling loop of the tests: polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with the last state seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, intervalMs = 250): Promise<T> {
  let lastError: unknown;
  // A probe that throws is asked again: the thing waited for may not exist yet.
  const tolerant = async () => {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      return undefined;
    }
  };
  const value = await pollUntil(tolerant, { timeoutMs, intervalMs });
  if (value !== undefined) return value;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
