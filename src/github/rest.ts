/**
 * A small client for GitHub's REST API on Node's fetch. Every failure says
 * what was being done, the HTTP status and GitHub's own message (with its
 * field errors), plus a hint for the statuses a workflow token typically hits.
 */
import { CommandFailure } from '../errors.ts';

export const apiVersion = '2022-11-28';
const requestTimeoutMs = 30_000;

export class GitHubApiError extends CommandFailure {
  override name = 'GitHubApiError';
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

type ErrorBody = { message?: string; documentation_url?: string; errors?: ({ message?: string; code?: string; field?: string; resource?: string } | string)[] };

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

export type RequestOptions = { query?: Record<string, string | number>; body?: unknown; doing: string };

export class GitHubRest {
  readonly apiUrl: string;
  private readonly token: string;

  constructor(apiUrl: string, token: string) {
    this.apiUrl = apiUrl.replace(/\/+$/, '');
    this.token = token;
  }

  async request<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const url = new URL(`${this.apiUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.token}`,
          'x-github-api-version': apiVersion,
          'user-agent': 'airflow-gitops',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new CommandFailure(`${options.doing}: cannot reach ${this.apiUrl}: ${cause}`);
    }
    const text = await response.text();
    if (!response.ok) {
      let body: ErrorBody;
      try {
        body = JSON.parse(text) as ErrorBody;
      } catch {
        body = { message: text.slice(0, 200) };
      }
      const message = body.message ?? response.statusText;
      const hint = hintFor(response.status, message);
      throw new GitHubApiError(
        `${options.doing}: GitHub answered ${response.status}: ${message}${describeErrors(body)}${hint ? `; ${hint}` : ''}${body.documentation_url ? ` (${body.documentation_url})` : ''}`,
        response.status,
      );
    }
    if (text.length === 0) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CommandFailure(`${options.doing}: GitHub answered ${response.status} with a body that is not JSON`);
    }
  }
}
