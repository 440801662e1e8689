// A plan without the secret values: diff in a job that has none of the
// AIRFLOW_GITOPS_* values shows the Secrets they fill as supplied at deploy
// and exits as a plan does (3: changes), while deploy refuses, saying the
// refusal is this tool's and naming the variable.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, diff, expectNoSecretInOutput, freshNamespace, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const sshKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
const knownHosts = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n';
afterAll(async () => {
  await expectNoSecretInOutput(namespaces, [sshKey, knownHosts]);
  await deleteNamespaces(namespaces);
});

// The scheduler also mounts the git-sync key, as with components/git-sync-ssh.
const sshPatch = `patches:
  - target: {kind: Deployment, name: scheduler}
    patch: |
      - op: add
        path: /spec/template/spec/volumes
        value: [{name: git-ssh, secret: {secretName: airflow-git-ssh, defaultMode: 0440}}]
`;

describe('diff without the secret values', () => {
  it('shows the Secrets as supplied at deploy, while deploy refuses as this tool', async () => {
    const ns = await freshNamespace('plan', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'secrets', sshPatch);
    const plan = await diff('plan', dir);
    expect(plan.code, plan.out).toBe(3);
    expect(plan.out).toContain(`  ? secret    Secret ${ns}/airflow-git-ssh: value supplied at deploy`);
    expect(plan.out).toContain(`  + create    Deployment ${ns}/scheduler`);
    expect(plan.out).not.toContain('refused');

    const refused = await deploy('plan', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('nothing was written: airflow-gitops refused 1 problem(s) before asking the API server');
    expect(refused.out).toContain(`Secret ${ns}/airflow-git-ssh, read by Deployment ${ns}/scheduler, has no value for ssh-privatekey (set AIRFLOW_GITOPS_GIT_SSH_KEY)`);
    expect(refused.out).not.toContain('the API server refused');
    expect((await kubectl(['get', 'namespace', ns])).exitCode).not.toBe(0);

    const values = { AIRFLOW_GITOPS_GIT_SSH_KEY: sshKey, AIRFLOW_GITOPS_GIT_KNOWN_HOSTS: knownHosts };
    expect((await deploy('plan', dir, [], values)).code).toBe(0);
    const settled = await diff('plan', dir);
    expect(settled.code, settled.out).toBe(0);
  });
});
