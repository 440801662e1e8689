/**
 * How requests reach the API server. Over TLS it speaks HTTP/2, as client-go
 * does: one connection carries every concurrent request and watch, so a
 * deploy pays for one TLS handshake instead of one per parallel request.
 * Plain http:// servers (a local `kubectl proxy`) get HTTP/1.1 keep-alive.
 *
 * Nothing here waits without a bound: a connection that is not established
 * (TCP and TLS) within the connect timeout fails every request waiting on it,
 * and each request carries a signal that cancels it, before or after its
 * response has begun.
 */
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import type { Agent as HttpAgent } from 'node:http';
import { createRequire } from 'node:module';
import type { ClusterAuth } from './cluster-auth.ts';

export type Response = { status: number; header: (name: string) => string | undefined; body: AsyncIterable<string>; destroy: () => void };

export interface Transport {
  /** Rejects with `signal.reason` once `signal` aborts; the stream is cancelled either way. */
  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined, signal: AbortSignal): Promise<Response>;
  close(): void;
}

/** The connection to the API server was not established in time: nothing was sent, nothing to retry. */
export class ConnectTimeout extends Error {
  override name = 'ConnectTimeout';
  readonly code = 'ECONNECTTIMEOUT';
}

class Http2Transport implements Transport {
  private session: ClientHttp2Session | undefined;
  private readonly auth: ClusterAuth;
  private readonly connectTimeoutMs: number;

  constructor(auth: ClusterAuth, connectTimeoutMs: number) {
    this.auth = auth;
    this.connectTimeoutMs = connectTimeoutMs;
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.auth.server, {
      ca: this.auth.ca,
      cert: this.auth.cert,
      key: this.auth.key,
      rejectUnauthorized: !this.auth.insecureSkipTlsVerify,
    });
    // A server that accepts TCP and never completes TLS (frozen, or not an API server) would hold every request forever.
    const seconds = this.connectTimeoutMs / 1000;
    const timer = setTimeout(() => {
      const error = new ConnectTimeout(`no connection within the connect timeout (${seconds} s)`);
      sessionErrors.set(session, error);
      session.destroy(error);
    }, this.connectTimeoutMs);
    session.once('connect', () => clearTimeout(timer));
    session.once('close', () => clearTimeout(timer));
    // Errors surface on the streams that were open (remembered, since theirs only say "cancelled"); the next request opens a new session.
    session.on('error', (error) => {
      if (!sessionErrors.has(session)) sessionErrors.set(session, error);
    });
    session.on('goaway', () => session.close());
    this.session = session;
    return session;
  }

  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined, signal: AbortSignal): Promise<Response> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      let session: ClientHttp2Session;
      let stream;
      try {
        session = this.connection();
        stream = session.request({ [constants.HTTP2_HEADER_METHOD]: method, [constants.HTTP2_HEADER_PATH]: url.pathname + url.search, ...headers }, { endStream: payload === undefined, signal });
      } catch (error) {
        reject(error);
        return;
      }
      stream.setEncoding('utf8');
      // The session's own error (a connect timeout) says more than the stream's "cancelled".
      const failed = (error: Error) => reject(signal.aborted ? signal.reason : sessionError(session) ?? error);
      stream.on('error', failed);
      stream.on('close', () => failed(new Error('the stream closed before its response')));
      stream.on('response', (h) => {
        resolve({
          status: Number(h[constants.HTTP2_HEADER_STATUS] ?? 0),
          header: (name) => (h[name] === undefined ? undefined : String(h[name])),
          body: stream,
          destroy: () => stream.close(constants.NGHTTP2_CANCEL),
        });
      });
      stream.end(payload);
    });
  }

  close(): void {
    // destroy, not close: close waits for open streams (a watch) to end by themselves.
    this.session?.destroy();
    this.session = undefined;
  }
}

const sessionErrors = new WeakMap<ClientHttp2Session, Error>();

function sessionError(session: ClientHttp2Session): Error | undefined {
  return sessionErrors.get(session);
}

/**
 * node:http, required only for a plain http:// server: an ES import of it makes Node load its
 * bundled fetch implementation as well (its exports include fetch's classes), which every
 * command talking to an https:// server would pay for at start.
 */
function nodeHttp(): typeof import('node:http') {
  return createRequire(import.meta.url)('node:http');
}

class Http1Transport implements Transport {
  private readonly http = nodeHttp();
  private readonly agent: HttpAgent = new this.http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly connectTimeoutMs: number;

  constructor(connectTimeoutMs: number) {
    this.connectTimeoutMs = connectTimeoutMs;
  }

  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined, signal: AbortSignal): Promise<Response> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const req = this.http.request(url, { method, headers, agent: this.agent, signal }, (res) => {
        res.setEncoding('utf8');
        resolve({ status: res.statusCode ?? 0, header: (name) => res.headers[name] as string | undefined, body: res, destroy: () => res.destroy() });
      });
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => req.destroy(new ConnectTimeout(`no connection within the connect timeout (${this.connectTimeoutMs / 1000} s)`)), this.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      req.on('error', (error) => reject(signal.aborted ? signal.reason : error));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function transportFor(auth: ClusterAuth, connectTimeoutMs: number): Transport {
  return auth.server.startsWith('https:') ? new Http2Transport(auth, connectTimeoutMs) : new Http1Transport(connectTimeoutMs);
}
