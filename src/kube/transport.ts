/**
 * How requests reach the API server. Over TLS it speaks HTTP/2, as client-go
 * does: one connection carries every concurrent request and watch, so a
 * deploy pays for one TLS handshake instead of one per parallel request.
 * Plain http:// servers (a local `kubectl proxy`) get HTTP/1.1 keep-alive.
 */
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClusterAuth } from './cluster-auth.ts';

export type Response = { status: number; header: (name: string) => string | undefined; body: AsyncIterable<string>; destroy: () => void };

export interface Transport {
  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined): Promise<Response>;
  close(): void;
}

class Http2Transport implements Transport {
  private session: ClientHttp2Session | undefined;
  private readonly auth: ClusterAuth;

  constructor(auth: ClusterAuth) {
    this.auth = auth;
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.auth.server, {
      ca: this.auth.ca,
      cert: this.auth.cert,
      key: this.auth.key,
      rejectUnauthorized: !this.auth.insecureSkipTlsVerify,
    });
    // Errors surface on the streams that were open; the next request opens a new session.
    session.on('error', () => undefined);
    session.on('goaway', () => session.close());
    this.session = session;
    return session;
  }

  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined): Promise<Response> {
    return new Promise((resolve, reject) => {
      let stream;
      try {
        stream = this.connection().request({
          [constants.HTTP2_HEADER_METHOD]: method,
          [constants.HTTP2_HEADER_PATH]: url.pathname + url.search,
          ...headers,
        }, { endStream: payload === undefined });
      } catch (error) {
        reject(error);
        return;
      }
      stream.setEncoding('utf8');
      stream.on('error', reject);
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
    this.session?.close();
    this.session = undefined;
  }
}

class Http1Transport implements Transport {
  private readonly agent = new HttpAgent({ keepAlive: true, maxSockets: 16 });

  open(method: string, url: URL, headers: Record<string, string>, payload: string | undefined): Promise<Response> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method, headers, agent: this.agent }, (res) => {
        res.setEncoding('utf8');
        resolve({ status: res.statusCode ?? 0, header: (name) => res.headers[name] as string | undefined, body: res, destroy: () => res.destroy() });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function transportFor(auth: ClusterAuth): Transport {
  return auth.server.startsWith('https:') ? new Http2Transport(auth) : new Http1Transport();
}
