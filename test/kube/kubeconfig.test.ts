// Reading kubeconfigs in the forms CI runners have; the exec plugin is a real
// program (a small node script) printing an ExecCredential.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadClusterAuth } from '../../src/kube/kubeconfig.ts';
import { inClusterAuth } from '../../src/kube/in-cluster.ts';
import { EnvironmentError } from '../../src/errors.ts';
import { waitFor } from '../support/wait.ts';

const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(user: Record<string, unknown>, cluster: Record<string, unknown> = { server: 'https://127.0.0.1:6443', 'certificate-authority-data': Buffer.from('CA').toString('base64') }, name = 'config'): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'main',
    clusters: [{ name: 'c', cluster }], users: [{ name: 'u', user }], contexts: [{ name: 'main', context: { cluster: 'c', user: 'u' } }, { name: 'other', context: { cluster: 'missing' } }],
  }));
  return file;
}

describe('loadClusterAuth', () => {
  it('reads embedded certificates', async () => {
    const file = kubeconfig({ 'client-certificate-data': Buffer.from('CERT').toString('base64'), 'client-key-data': Buffer.from('KEY').toString('base64') });
    const auth = await loadClusterAuth({ kubeconfig: file, env: {} });
    expect(auth).toMatchObject({ server: 'https://127.0.0.1:6443', insecureSkipTlsVerify: false, source: file });
    expect([auth.ca?.toString(), auth.cert?.toString(), auth.key?.toString()]).toEqual(['CA', 'CERT', 'KEY']);
  });

  it('reads certificate files relative to the kubeconfig, and $KUBECONFIG', async () => {
    writeFileSync(join(dir, 'ca.crt'), 'FILE-CA');
    const file = kubeconfig({ tokenFile: join(dir, 'token') }, { server: 'https://example.invalid:443/', 'certificate-authority': 'ca.crt' }, 'relative');
    writeFileSync(join(dir, 'token'), 'file-token\n');
    const auth = await loadClusterAuth({ env: { KUBECONFIG: `${file}:/elsewhere` } });
    expect(auth).toMatchObject({ server: 'https://example.invalid:443', token: 'file-token' });
    expect(auth.ca?.toString()).toBe('FILE-CA');
  });

  it('runs an exec credential plugin with the cluster in KUBERNETES_EXEC_INFO', async () => {
    const plugin = join(dir, 'plugin.mjs');
    writeFileSync(plugin, `#!/usr/bin/env node
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: 'exec-' + process.env.REGION + '-' + info.spec.cluster.server } }));
`);
    chmodSync(plugin, 0o755);
    const file = kubeconfig({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, env: [{ name: 'REGION', value: 'eu' }] } }, undefined, 'exec');
    expect((await loadClusterAuth({ kubeconfig: file, env: process.env })).token).toBe('exec-eu-https://127.0.0.1:6443');
  });

  it('reports a failing plugin with its stderr', async () => {
    const plugin = join(dir, 'failing.mjs');
    writeFileSync(plugin, '#!/usr/bin/env node\nconsole.error("token expired: log in again"); process.exit(3);\n');
    chmodSync(plugin, 0o755);
    const file = kubeconfig({ exec: { command: plugin } }, undefined, 'failing');
    await expect(loadClusterAuth({ kubeconfig: file, env: process.env })).rejects.toThrow(`kubeconfig exec plugin '${plugin}' failed (exit 3): token expired: log in again`);
  });

  it.each([
    [{ context: 'nope' }, "no context named 'nope'"],
    [{ context: 'other' }, "no cluster named 'missing'"],
  ])('names what is missing (%o)', async (options, message) => {
    const file = kubeconfig({ token: 't' }, undefined, 'names');
    await expect(loadClusterAuth({ kubeconfig: file, env: {}, ...options })).rejects.toThrow(message);
  });

  it('refuses a server that is not an http(s) URL, and a missing file', async () => {
    const file = kubeconfig({ token: 't' }, { server: 'tcp://x' }, 'bad');
    await expect(loadClusterAuth({ kubeconfig: file, env: {} })).rejects.toThrow("cluster 'c' has no http(s) server URL");
    await expect(loadClusterAuth({ kubeconfig: join(dir, 'absent'), env: {} })).rejects.toThrow(EnvironmentError);
  });
});

describe('loadClusterAuth messages', () => {
  it('says an empty kubeconfig is empty', async () => {
    const file = join(dir, 'empty');
    writeFileSync(file, '');
    await expect(loadClusterAuth({ kubeconfig: file, env: {} })).rejects.toThrow(new EnvironmentError(`kubeconfig ${file} is empty`));
  });

  it.each([
    [{ tokenFile: 'no-such-token' }, "user 'u' tokenFile"],
    [{ 'client-certificate': 'no-such-cert.pem', 'client-key-data': 'S0VZ' }, "user 'u' client-certificate"],
  ])('names a missing credential file and the field naming it (%o)', async (user, field) => {
    const file = kubeconfig(user, undefined, 'missing-file');
    const missing = join(dir, Object.values(user)[0] as string);
    await expect(loadClusterAuth({ kubeconfig: file, env: {} })).rejects.toThrow(new EnvironmentError(`${file}: ${field} ${missing}: no such file`));
  });

  it('says when the exec plugin is not installed', async () => {
    const file = kubeconfig({ exec: { command: 'airflow-gitops-no-such-plugin' } }, undefined, 'no-plugin');
    await expect(loadClusterAuth({ kubeconfig: file, env: process.env })).rejects.toThrow(
      new EnvironmentError("kubeconfig exec plugin 'airflow-gitops-no-such-plugin' could not be started: no such program (is it installed and on PATH?)"),
    );
  });

  it('stops a hanging exec plugin after the timeout, with every process it started', async () => {
    const plugin = join(dir, 'hanging.sh');
    const childPid = join(dir, 'hanging-child.pid');
    // The plugin's own child must go too: a shell left waiting on `sleep` would be killed alone.
    writeFileSync(plugin, `#!/bin/sh
sleep 600 &
echo $! > ${childPid}
wait
`);
    chmodSync(plugin, 0o755);
    const file = kubeconfig({ exec: { command: plugin } }, undefined, 'hanging');
    await expect(loadClusterAuth({ kubeconfig: file, env: process.env, execTimeoutMs: 1_000 })).rejects.toThrow(
      new EnvironmentError(`kubeconfig exec plugin '${plugin}' did not finish within 1 s (the request timeout): it was stopped`),
    );
    const pid = Number(readFileSync(childPid, 'utf8'));
    // Gone, or a zombie waiting for whoever adopted it to reap it: either way no longer running.
    const state = () => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone');
    await waitFor(`the plugin's child ${pid} to end`, async () => (['gone', 'Z', 'X'].includes(state() ?? '') ? true : undefined), 5_000);
  });
});

describe('inClusterAuth', () => {
  it("uses the pod's service account when the API server is in the environment", () => {
    const account = join(dir, 'sa');
    mkdirSync(account);
    writeFileSync(join(account, 'token'), 'sa-token\n');
    writeFileSync(join(account, 'ca.crt'), 'SA-CA');
    const auth = inClusterAuth({ KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' }, account);
    expect(auth).toMatchObject({ server: 'https://10.96.0.1:443', token: 'sa-token' });
    expect(auth?.ca?.toString()).toBe('SA-CA');
    expect(inClusterAuth({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, account)?.server).toBe('https://[fd00::1]:443');
    expect(inClusterAuth({}, account)).toBeUndefined();
  });
});
