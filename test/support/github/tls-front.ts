/**
 * HTTPS in front of a plain HTTP test server: a TLS listener on 127.0.0.1
 * with a fresh self-signed certificate for one host name (made with the
 * openssl command), each connection piped to the server behind it. With
 * the certificate in NODE_EXTRA_CA_CERTS, a child process reaches the server
 * at https://<host>:<port>. What it does not do: HTTP/2, client certificates,
 * or anything beyond passing bytes along.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';

export type TlsFront = { port: number; certificateFile: string; close: () => Promise<void> };

export async function startTlsFront(host: string, backendPort: number): Promise<TlsFront> {
  const folder = mkdtempSync(join(tmpdir(), 'tls-front-'));
  const key = join(folder, 'key.pem');
  const certificateFile = join(folder, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`, '-keyout', key, '-out', certificateFile], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(key), cert: readFileSync(certificateFile) }, (socket) => {
    const backend = connect(backendPort, '127.0.0.1');
    socket.pipe(backend).pipe(socket);
    backend.on('error', () => socket.destroy());
    socket.on('error', () => backend.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    certificateFile,
    close: () =>
      new Promise<void>((done) =>
        server.close(() => {
          rmSync(folder, { recursive: true, force: true });
          done();
        }),
      ),
  };
}
