// A kubeconfig whose user is an exec credential plugin, as the EKS, GKE and
// AKS log-in steps write (aws eks get-token, gke-gcloud-auth-plugin,
// kubelogin): here a small script prints an ExecCredential holding a
// ServiceAccount token the local API server issued, so the server checks it
// for real. The deploy runs as that ServiceAccount: refused while it has no
// rights (the server names the account), done once it has.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson, kubectl, testNamespace } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const bindings: string[] = [];
const tokens: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces, tokens);
  await deleteNamespaces(namespaces);
  if (bindings.length > 0) await kubectl(['delete', 'clusterrolebinding', '--ignore-not-found', ...bindings]);
});

const plugin = `#!/bin/sh
# Prints an ExecCredential, as cloud log-in helpers do; counts its calls.
echo called >> "$CALLS_FILE"
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\\n' "$TOKEN_FOR_TEST"
`;

async function execKubeconfig(dir: string, token: string): Promise<string> {
  const config = await getJson(['config', 'view', '--raw', '--minify']);
  const cluster = config.clusters[0].cluster;
  const script = join(dir, 'login-plugin.sh');
  writeFileSync(script, plugin);
  chmodSync(script, 0o700);
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server: cluster.server, 'certificate-authority': cluster['certificate-authority'] } }],
    users: [{ name: 'oidc', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: script, interactiveMode: 'Never', env: [{ name: 'TOKEN_FOR_TEST', value: token }, { name: 'CALLS_FILE', value: join(dir, 'calls') }] } } }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'oidc' } }],
    'current-context': 'test',
  };
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, JSON.stringify(kubeconfig), { mode: 0o600 });
  return path;
}

describe('an exec credential plugin kubeconfig', () => {
  it('authenticates the deploy as the identity the plugin prints', async () => {
    const home = await testNamespace('login');
    namespaces.push(home);
    expect((await kubectl(['-n', home, 'create', 'serviceaccount', 'deployer'])).exitCode).toBe(0);
    const issued = await kubectl(['-n', home, 'create', 'token', 'deployer', '--duration', '1h']);
    expect(issued.exitCode, String(issued.stderr)).toBe(0);
    const token = String(issued.stdout).trim();
    tokens.push(token);
    const dir = mkdtempSync(join(tmpdir(), 'exec-login-'));
    const kubeconfig = await execKubeconfig(dir, token);

    const ns = await freshNamespace('login-env', false);
    namespaces.push(ns);
    const target = overlay(ns);
    const refused = await deploy('login', target, ['--kubeconfig', kubeconfig]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`system:serviceaccount:${home}:deployer`);

    const binding = `deployer-${home}`;
    bindings.push(binding);
    expect((await kubectl(['create', 'clusterrolebinding', binding, '--clusterrole', 'cluster-admin', '--serviceaccount', `${home}:deployer`])).exitCode).toBe(0);
    const done = await deploy('login', target, ['--kubeconfig', kubeconfig]);
    expect(done.code, done.out).toBe(0);
    expect(readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(2);
    const cm = await getJson(['get', 'configmap', 'web-config', '-n', ns, '--show-managed-fields']);
    expect(cm.metadata.managedFields.map((f: { manager: string }) => f.manager)).toContain('airflow-gitops-login');
  });
});
