/** Errors of the Kubernetes API, kept structured so callers can decide (conflict, immutable, not found). */
import { CommandFailure } from '../errors.ts';

export type StatusCause = { reason?: string; message?: string; field?: string };

/** The API server answered with a non-2xx Status. */
export class KubeApiError extends Error {
  override name = 'KubeApiError';
  readonly status: number;
  readonly reason: string;
  readonly causes: StatusCause[];
  constructor(status: number, reason: string, message: string, causes: StatusCause[]) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.causes = causes;
  }
}

/** The API server did not answer at all (down, restarting, network). */
export class ApiUnreachableError extends CommandFailure {
  override name = 'ApiUnreachableError';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 404;
}
