import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.ts';
import { desiredSecrets } from '../../src/secrets/desired.ts';
import { fernetKey, isFernetKey } from '../../src/secrets/generate.ts';
import { SecretMask } from '../../src/secrets/mask.ts';
import type { KubeObject } from '../../src/objects.ts';
import { UsageError } from '../../src/errors.ts';

const reader = (secrets: string[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'scheduler', namespace: 'airflow' },
  spec: { template: { spec: { containers: [{ name: 'c', env: secrets.map((s) => ({ name: 'X', valueFrom: { secretKeyRef: { name: s, key: 'k' } } })) }] } } },
});

const decode = (s: KubeObject | undefined, key: string) => Buffer.from((s?.data as Record<string, string>)[key] ?? '', 'base64').toString();

function input(rendered: KubeObject[], env: NodeJS.ProcessEnv, live: Record<string, KubeObject> = {}) {
  return { rendered, namespace: 'airflow', env, labels: { l: 'v' }, readLive: async (n: string) => live[n], mask: new SecretMask() };
}

describe('generated keys', () => {
  it('makes valid Fernet keys: 32 random bytes, URL-safe base64', () => {
    const key = fernetKey();
    expect(isFernetKey(key)).toBe(true);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(fernetKey()).not.toBe(key);
  });

  // Airflow's own venv (scripts/setup-airflow-venv.sh) has the cryptography
  // package Airflow reads the key with.
  it("are accepted by the cryptography package Airflow decrypts with", async () => {
    const check = await execa(join(repoRoot, '.venv', 'airflow', 'bin', 'python'), ['-c', 'import sys\nfrom cryptography.fernet import Fernet\nf = Fernet(sys.argv[1].encode())\nprint(f.decrypt(f.encrypt(b"ok")).decode())', fernetKey()], { reject: false });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('ok');
  });

  it('are generated when missing and kept when present', async () => {
    const first = await desiredSecrets(input([reader(['airflow-secrets'])], {}));
    expect(first.generated.sort()).toEqual(['airflow-secrets/api-secret-key', 'airflow-secrets/fernet-key', 'airflow-secrets/jwt-secret']);
    const made = first.secrets[0];
    expect(isFernetKey(decode(made, 'fernet-key'))).toBe(true);
    const second = await desiredSecrets(input([reader(['airflow-secrets'])], {}, { 'airflow-secrets': made as KubeObject }));
    expect(second.generated).toEqual([]);
    expect(second.secrets[0]?.data).toEqual(made?.data);
  });

  it('fills only the missing key of a partly filled Secret', async () => {
    const live: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'airflow-secrets' }, data: { 'fernet-key': Buffer.from(fernetKey()).toString('base64') } };
    const plan = await desiredSecrets(input([reader(['airflow-secrets'])], {}, { 'airflow-secrets': live }));
    expect(plan.generated.sort()).toEqual(['airflow-secrets/api-secret-key', 'airflow-secrets/jwt-secret']);
    expect((plan.secrets[0]?.data as Record<string, string>)['fernet-key']).toBe((live.data as Record<string, string>)['fernet-key']);
  });
});

describe('values from the environment', () => {
  it('take precedence, are registered with the mask, and keep the live type', async () => {
    const env = { AIRFLOW_GITOPS_GIT_SSH_KEY: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n', AIRFLOW_GITOPS_GIT_KNOWN_HOSTS: 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl' };
    const live: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'airflow-git-ssh' }, type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': 'b2xk', known_hosts: 'b2xk' } };
    const i = input([reader(['airflow-git-ssh'])], env, { 'airflow-git-ssh': live });
    const plan = await desiredSecrets(i);
    expect(plan.problems).toEqual([]);
    expect(plan.secrets[0]).toMatchObject({ type: 'kubernetes.io/ssh-auth', metadata: { name: 'airflow-git-ssh', namespace: 'airflow', labels: { l: 'v' } } });
    expect(decode(plan.secrets[0], 'ssh-privatekey')).toBe(env.AIRFLOW_GITOPS_GIT_SSH_KEY);
    const printed = i.mask.mask(`key ${env.AIRFLOW_GITOPS_GIT_SSH_KEY} hosts ${env.AIRFLOW_GITOPS_GIT_KNOWN_HOSTS} b64 ${(plan.secrets[0]?.data as Record<string, string>)['known_hosts']}`);
    expect(printed).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
    expect(printed).not.toContain('AAAAC3NzaC1lZDI1NTE5');
  });

  it('end the SSH key and known_hosts with a newline, as OpenSSH needs, when the variable dropped it', async () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const hosts = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
    const plan = await desiredSecrets(input([reader(['airflow-git-ssh'])], { AIRFLOW_GITOPS_GIT_SSH_KEY: key, AIRFLOW_GITOPS_GIT_KNOWN_HOSTS: `${hosts}\n\n` }));
    expect(decode(plan.secrets[0], 'ssh-privatekey')).toBe(`${key}\n`);
    expect(decode(plan.secrets[0], 'known_hosts')).toBe(`${hosts}\n`);
  });

  it('names the variables for a referenced Secret that has no values', async () => {
    const plan = await desiredSecrets(input([reader(['airflow-git-ssh'])], {}));
    expect(plan.problems).toEqual([
      'Secret airflow/airflow-git-ssh, read by Deployment airflow/scheduler, has no value for ssh-privatekey (set AIRFLOW_GITOPS_GIT_SSH_KEY), known_hosts (set AIRFLOW_GITOPS_GIT_KNOWN_HOSTS)',
    ]);
  });

  it('rejects an invalid Fernet key without quoting it', async () => {
    const bad = 'not-a-fernet-key-but-a-secret';
    const attempt = desiredSecrets(input([reader(['airflow-secrets'])], { AIRFLOW_GITOPS_FERNET_KEY: bad }));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(/AIRFLOW_GITOPS_FERNET_KEY is not a valid Fernet key/);
    await attempt.catch((e: Error) => expect(e.message).not.toContain(bad));
  });

  it('leaves alone catalog Secrets nobody reads or fills, and Secrets the render itself defines', async () => {
    const rendered: KubeObject[] = [reader(['airflow-redis']), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'airflow-redis', namespace: 'airflow' } }];
    expect((await desiredSecrets(input(rendered, {}))).secrets).toEqual([]);
  });
});

describe('Secrets from a secret store', () => {
  const externalSecret = (name: string, target?: string): KubeObject => ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace: 'airflow' },
    spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, ...(target ? { target: { name: target } } : {}), data: [] },
  });

  it('are neither generated nor required when an ExternalSecret of the render targets them', async () => {
    const rendered = [reader(['airflow-secrets', 'airflow-git-ssh', 'airflow-redis']), externalSecret('airflow-secrets'), externalSecret('git-key', 'airflow-git-ssh')];
    const plan = await desiredSecrets(input(rendered, {}));
    expect(plan.problems).toEqual([]);
    expect(plan.generated).toEqual(['airflow-redis/password']);
    expect(plan.secrets.map((s) => s.metadata.name)).toEqual(['airflow-redis']);
  });

  it('still require what no ExternalSecret targets (an ExternalSecret named like the Secret but targeting another one)', async () => {
    const plan = await desiredSecrets(input([reader(['airflow-git-ssh']), externalSecret('airflow-git-ssh', 'other')], {}));
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/^Secret airflow\/airflow-git-ssh, read by Deployment airflow\/scheduler, has no value/);
  });
});

describe('the PgBouncer password', () => {
  it('is generated once, when a pod reads airflow-pgbouncer', async () => {
    const plan = await desiredSecrets(input([reader(['airflow-pgbouncer'])], {}));
    expect(plan.generated).toEqual(['airflow-pgbouncer/password']);
    expect(decode(plan.secrets[0], 'password')).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });
});
