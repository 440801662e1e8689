// The client never waits without a bound: a watch cancelled before its response
// ends at once (against the real API server), and a server that accepts TCP but
// never speaks (a plain TCP listener standing in for a frozen or wrong endpoint:
// it does no TLS and answers nothing) ends `deploy` and `diff` with a message
// naming the server once the connect timeout passes.
import { createServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { KubeClient } from '../../src/kube/client.ts';
import { loadClusterAuth } from '../../src/kube/kubeconfig.ts';
import { sleep } from '../../src/poll.ts';
import { clusterEnv, kubeconfigPath } from '../support/cluster.ts';
import { deploy, diff, freshNamespace, overlay } from '../support/deploy-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'client-faults-'));
const sockets: Socket[] = [];
const silent = createServer((socket) => sockets.push(socket));
let silentKubeconfig = '';
let silentServer = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  silentServer = `https://127.0.0.1:${address.port}`;
  silentKubeconfig = join(dir, 'silent');
  writeFileSync(silentKubeconfig, stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'silent',
    clusters: [{ name: 'silent', cluster: { server: silentServer, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user: { token: 'not-a-real-token' } }],
    contexts: [{ name: 'silent', context: { cluster: 'silent', user: 'u' } }],
  }));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The promise's outcome, or 'still waiting' if it has none after `ms`: a hang shows as the latter. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([promise, sleep(ms).then(() => 'still waiting' as const)]);
}

describe('watch', () => {
  it('ends at once when cancelled before the server has answered', async () => {
    const client = new KubeClient(await loadClusterAuth({ kubeconfig: kubeconfigPath, env: clusterEnv() }));
    try {
      const controller = new AbortController();
      const events: string[] = [];
      // The request is on its way (watch has sent it) but its response has not arrived yet.
      const watching = client.watch('/api/v1/namespaces/default/configmaps', { timeoutSeconds: 300 }, (e) => events.push(e.type), controller.signal);
      controller.abort();
      expect(await settledWithin(watching.then(() => 'ended'), 10_000)).toBe('ended');
    } finally {
      client.close();
    }
  });
});

describe('a server that accepts connections and never answers', () => {
  it.each([['deploy', deploy], ['diff', diff]] as const)('%s fails after the connect timeout, naming the server', async (_, command) => {
    const ns = await freshNamespace('silent', false);
    const run = command('silent', overlay(ns), ['--kubeconfig', silentKubeconfig, '--connect-timeout', '2s'], { KUBECONFIG: silentKubeconfig });
    const result = await settledWithin(run, 30_000);
    expect(result).not.toBe('still waiting');
    if (result === 'still waiting') return;
    expect(result.code).toBe(1);
    expect(result.out).toContain(`the API server ${silentServer} did not answer`);
    expect(result.out).toContain('no connection within the connect timeout (2 s)');
  });
});
