/**
 * Errors the entry points know how to report. Each is thrown where the problem
 * is found, with the bad value quoted, and caught once at the top, which turns
 * it into a message and an exit code. The top is cli.ts or action.ts, except
 * for the commands whose output passes through the secret mask (deploy, diff):
 * their top is reportingErrors in commands/masked-output.ts, so that a secret
 * quoted in an error is masked like the rest of their output.
 */

/** Bad arguments or inputs: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The machine lacks something the command needs (a tool, a venv): exit code 2. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** The command ran and found a problem it must fail on: exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof EnvironmentError) return 2;
  return 1;
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
