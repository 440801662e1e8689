/**
 * src/github owns the GitHub REST API: the client, pull requests, comments,
 * deployments and commits made through the API.
 *
 * The GitHub REST API through Octokit (@actions/github), with what it lacks
 * on its own: retries of server errors and network failures
 * (@octokit/plugin-retry), waits on primary and secondary rate limits
 * (@octokit/plugin-throttling), and the runner's proxy (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY, read by @actions/http-client as the toolkit does).
 * Every failure says what was being done, the HTTP status and GitHub's own
 * message (with its field errors), plus a hint for the statuses a workflow
 * token typically hits.
 */
import { HttpClient } from '@actions/http-client';
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { fetch as proxyFetch, type RequestInit } from 'undici';
import { CommandFailure } from '../errors.ts';

export const apiVersion = '2022-11-28';
const requestTimeoutMs = 30_000;
/** Retries of a rate-limited request before giving up. */
const rateLimitRetries = 2;

export class GitHubApiError extends CommandFailure {
  override name = 'GitHubApiError';
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

const Octokit = GitHub.plugin(retry, throttling);
export type Octokit = InstanceType<typeof Octokit>;

export type GitHubClientOptions = {
  apiUrl: string;
  token: string;
  /** Where waits for rate limits and retries are reported. */
  log?: (line: string) => void;
  /** The first retry's wait; later ones wait 4, 9... times as long (default 1 s). */
  retryBaseMs?: number;
};

/** A fetch that goes through the proxy the environment names for `apiUrl`, if any. */
function fetchFor(apiUrl: string): typeof globalThis.fetch {
  const dispatcher = new HttpClient('airflow-gitops').getAgentDispatcher(apiUrl);
  const timed = (init: RequestInit | undefined): RequestInit => ({ signal: AbortSignal.timeout(requestTimeoutMs), ...init, ...(dispatcher === undefined ? {} : { dispatcher }) });
  return ((url: string, init?: RequestInit) => proxyFetch(url, timed(init))) as unknown as typeof globalThis.fetch;
}

export class GitHubClient {
  readonly apiUrl: string;
  readonly octokit: Octokit;

  constructor(options: GitHubClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    const log = options.log ?? (() => undefined);
    const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= rateLimitRetries) return false;
      log(`GitHub's ${kind} rate limit: ${request.method} ${request.url} again in ${retryAfter} s`);
      return true;
    };
    this.octokit = new Octokit({
      ...getOctokitOptions(options.token),
      baseUrl: this.apiUrl,
      userAgent: 'airflow-gitops',
      request: { fetch: fetchFor(this.apiUrl) },
      retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    });
    this.octokit.hook.before('request', (request) => {
      request.headers.accept = 'application/vnd.github+json';
      request.headers['x-github-api-version'] = apiVersion;
    });
  }

  /** Runs one API call (or a paginated series); a failure becomes a GitHubApiError that says what was being done. */
  async call<T>(doing: string, request: (octokit: Octokit) => Promise<T>): Promise<T> {
    try {
      return await request(this.octokit);
    } catch (error) {
      throw describeFailure(doing, this.apiUrl, error);
    }
  }
}

type ErrorBody = { message?: string; documentation_url?: string; errors?: ({ message?: string; code?: string; field?: string; resource?: string } | string)[] };
type Failure = { status?: number; message?: string; response?: { status: number; data?: unknown }; cause?: unknown };

function hintFor(status: number, message: string): string | undefined {
  if (status === 401) return 'the token is missing, expired or revoked';
  if (status === 403 && /not accessible by integration/i.test(message)) {
    return "the token lacks a permission: give the job 'pull-requests: write' and 'contents: write', and allow GitHub Actions to create pull requests in the repository's settings, or use an App or personal token";
  }
  if (status === 404) return 'the repository does not exist or the token cannot see it';
  return undefined;
}

function describeErrors(body: ErrorBody): string {
  const details = (body.errors ?? []).map((e) => (typeof e === 'string' ? e : e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' ')));
  return details.length > 0 ? ` (${details.join('; ')})` : '';
}

function bodyOf(data: unknown): ErrorBody {
  if (data !== null && typeof data === 'object') return data as ErrorBody;
  return typeof data === 'string' && data.length > 0 ? { message: data.slice(0, 200) } : {};
}

function causeOf(error: Failure): string {
  const cause = error.cause as { message?: string; cause?: { message?: string; code?: string } } | undefined;
  return [error.message, cause?.cause?.code ?? cause?.cause?.message].filter(Boolean).join(': ');
}

export function describeFailure(doing: string, apiUrl: string, error: unknown): Error {
  if (error instanceof GitHubApiError) return error;
  const failure = (error ?? {}) as Failure;
  // Octokit reports a request that got no answer (refused, reset, timed out) as status 500 without a response.
  if (failure.response === undefined) return new CommandFailure(`${doing}: cannot reach ${apiUrl}: ${causeOf(failure)}`);
  const status = failure.response.status;
  const body = bodyOf(failure.response.data);
  const message = body.message ?? failure.message ?? `status ${status}`;
  const hint = hintFor(status, message);
  return new GitHubApiError(
    `${doing}: GitHub answered ${status}: ${message}${describeErrors(body)}${hint ? `; ${hint}` : ''}${body.documentation_url ? ` (${body.documentation_url})` : ''}`,
    status,
  );
}
