/**
 * src/kube is the Kubernetes client: it owns talking to one API server
 * (kubeconfig and credentials, transport, discovery, requests, watches) and
 * knows nothing of deploys.
 *
 * A small Kubernetes API client over node:https.
 *
 * Why not @kubernetes/client-node or kubectl: a deploy sends a few hundred
 * requests, many at once, with raw objects. kubectl costs a process per call;
 * client-node's typed models drop fields they do not know and its patch
 * defaults to strategic merge. What the engine needs is small: JSON requests
 * with the kubeconfig's TLS material over one HTTP/2 connection (see
 * transport.ts), apply patches, and line-delimited watch streams.
 */
import type { ClusterAuth } from './cluster-auth.ts';
import { ApiUnreachableError, KubeApiError, type StatusCause } from './errors.ts';
import { sleep } from '../poll.ts';
import { transportFor, type Response, type Transport } from './transport.ts';
import { InFlight } from './in-flight.ts';

/** How long the client waits, at most. Defaults below; `--connect-timeout` and `--request-timeout` change them. */
export type Timeouts = {
  /** From opening a connection to TCP and TLS being established. */
  connectMs: number;
  /** From sending a request to the last byte of its answer (for a watch: to its response headers). */
  requestMs: number;
};

export const defaultTimeouts: Timeouts = { connectMs: 10_000, requestMs: 30_000 };

/** Requests on the wire at once (watches not counted: they stay open); see in-flight.ts. */
const maxInFlight = 64;

/** A request that got no complete answer within the request timeout. */
export class RequestTimeout extends Error {
  override name = 'RequestTimeout';
}

export type RequestOptions = {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Hears each warning the server attached to its answer (Pod Security, deprecated APIs). */
  onWarning?: (message: string) => void;
  /** Extra headers, e.g. a cookie for a service behind the service proxy; never authorization. */
  headers?: Record<string, string>;
};

/** The texts of `Warning: 299 - "text"` headers (RFC 7234), several possibly joined by commas. */
export function parseWarnings(header: string | undefined): string[] {
  if (!header) return [];
  return [...header.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
}

type Json = Record<string, unknown>;

// Transport failures after which sending the same request again is safe (every
// request here is a read, an apply, a delete or a dry-run) and usually succeeds:
// a reset connection, a stream the server reset or closed before its end.
const retriableSocketErrors = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_INVALID_SESSION',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export class KubeClient {
  readonly server: string;
  private readonly auth: ClusterAuth;
  private readonly transport: Transport;
  private readonly inFlight = new InFlight(maxInFlight);
  readonly timeouts: Timeouts;

  constructor(auth: ClusterAuth, timeouts: Timeouts = defaultTimeouts) {
    this.auth = auth;
    this.server = auth.server;
    this.timeouts = timeouts;
    this.transport = transportFor(auth, timeouts.connectMs);
  }

  close(): void {
    this.transport.close();
  }

  /** A signal that aborts when the request timeout has passed; `clear` when the answer is in. */
  private deadline(): { signal: AbortSignal; clear: () => void } {
    const controller = new AbortController();
    const seconds = this.timeouts.requestMs / 1000;
    const timer = setTimeout(() => controller.abort(new RequestTimeout(`no complete answer within the request timeout (${seconds} s)`)), this.timeouts.requestMs);
    return { signal: controller.signal, clear: () => clearTimeout(timer) };
  }

  private unreachable(what: string, error: unknown): ApiUnreachableError {
    return new ApiUnreachableError(`the API server ${this.server} did not answer ${what}: ${(error as Error).message}`);
  }

  url(path: string, query: RequestOptions['query'] = {}): URL {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private open(method: string, url: URL, options: RequestOptions, payload: string | undefined, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, accept: options.accept ?? 'application/json' };
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (payload !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return this.transport.open(method, url, headers, payload, signal);
  }

  /** Sends one request and returns the decoded JSON body; throws KubeApiError on a non-2xx answer. */
  async request<T = Json>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const text = await this.requestText(method, path, options);
    return (text.length > 0 ? JSON.parse(text) : {}) as T;
  }

  /** Like request, for endpoints that answer plain text (pod logs). */
  async requestText(method: string, path: string, options: RequestOptions = {}): Promise<string> {
    return this.inFlight.run(() => this.send(method, path, options));
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<string> {
    const url = this.url(path, options.query);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      let text: string;
      const timeout = this.deadline();
      try {
        response = await this.open(method, url, options, payload, timeout.signal);
        text = await readAll(response);
        if (timeout.signal.aborted) throw timeout.signal.reason;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (attempt === 0 && retriableSocketErrors.has(code) && !timeout.signal.aborted) continue;
        // A stream cut by the request timeout ends as "premature close": the timeout is what to report.
        throw this.unreachable(`${method} ${url.pathname}`, timeout.signal.aborted ? timeout.signal.reason : error);
      } finally {
        timeout.clear();
      }
      const status = response.status;
      if (status === 429 && attempt < 5) {
        await sleep(Number(response.header('retry-after') ?? 1) * 1000);
        continue;
      }
      if (status >= 200 && status < 300) {
        for (const warning of parseWarnings(response.header('warning'))) options.onWarning?.(warning);
        return text;
      }
      throw toApiError(status, text, `${method} ${url.pathname}`);
    }
  }

  /**
   * Opens a watch and calls `onEvent` for each event until the stream ends or
   * `signal` aborts. Resolves when the stream ends (the caller re-lists and re-watches).
   */
  async watch(path: string, query: RequestOptions['query'], onEvent: (event: { type: string; object: Json }) => void, signal: AbortSignal): Promise<void> {
    const url = this.url(path, { ...query, watch: 1, allowWatchBookmarks: true });
    if (signal.aborted) return;
    // The caller's signal cancels the stream at any time, also before its response; the timeout only until the response.
    const timeout = this.deadline();
    let response: Response;
    try {
      response = await this.open('GET', url, {}, undefined, AbortSignal.any([signal, timeout.signal]));
    } catch (error) {
      if (signal.aborted) return;
      throw this.unreachable(`a watch on ${url.pathname}`, error);
    } finally {
      timeout.clear();
    }
    if (response.status >= 300) throw toApiError(response.status, await readAll(response), `watch ${url.pathname}`);
    const stop = () => response.destroy();
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    let buffered = '';
    try {
      for await (const chunk of response.body) {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim().length > 0) onEvent(JSON.parse(line));
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof KubeApiError) throw error;
      throw new ApiUnreachableError(`watch on ${url.pathname} broke: ${(error as Error).message}`);
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}

async function readAll(response: Response): Promise<string> {
  let text = '';
  for await (const chunk of response.body) text += chunk;
  return text;
}

function toApiError(status: number, text: string, what: string): KubeApiError {
  try {
    const body = JSON.parse(text) as { reason?: string; message?: string; details?: { causes?: StatusCause[] } };
    return new KubeApiError(status, body.reason ?? String(status), body.message ?? text, body.details?.causes ?? []);
  } catch {
    return new KubeApiError(status, String(status), `${what}: HTTP ${status} ${text.slice(0, 300)}`, []);
  }
}
