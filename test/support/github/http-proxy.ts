/**
 * A tiny HTTP proxy on 127.0.0.1 for the proxy tests: it tunnels CONNECT
 * requests and forwards plain requests sent with an absolute URL, and records
 * the host of each. Hosts it is told about (`hosts`) resolve to a local
 * address, so a test can send requests to a name that does not exist outside
 * the proxy and know they went through it. What it does not do: proxy
 * authentication, keep-alive between forwarded requests, TLS of its own.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export type TestProxy = { url: string; seen: string[]; close: () => Promise<void> };

export async function startProxy(hosts: Record<string, string>): Promise<TestProxy> {
  const seen: string[] = [];
  const target = (host: string) => hosts[host] ?? host;
  const server: Server = createServer((request, response) => {
    // A forward proxy request: the path is the whole URL.
    const url = new URL(request.url ?? '');
    seen.push(`${request.method} ${url.host}`);
    const upstream = httpRequest(
      { host: target(url.hostname), port: url.port || 80, method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request, client, head) => {
    const [host, port] = (request.url ?? '').split(':') as [string, string];
    seen.push(`CONNECT ${request.url}`);
    const upstream = connect(Number(port), target(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
