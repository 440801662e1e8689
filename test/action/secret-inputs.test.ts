import { describe, expect, it } from 'vitest';
import { maskSecretInputs, secretFragments } from '../../src/action/secret-inputs.ts';

const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://10.0.0.1:6443
contexts:
- name: prod
  context: { cluster: prod, user: deployer }
current-context: prod
users:
- name: deployer
  user:
    token: eyJhbGciOiJSUzI1NiJ9.secret-token-body
    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
`;

describe('secretFragments', () => {
  it('hides the credentials of a kubeconfig, not its structure', () => {
    const fragments = secretFragments('kubeconfig', kubeconfig);
    expect(fragments).toContain('eyJhbGciOiJSUzI1NiJ9.secret-token-body');
    expect(fragments).toContain('LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t');
    expect(fragments).not.toContain('kind: Config');
    expect(fragments).not.toContain('prod');
  });

  it('hides every line of a kubeconfig that does not parse', () => {
    const broken = 'users:\n  - token: abcdefgh-secret\n  bad: [';
    expect(secretFragments('kubeconfig', broken)).toEqual(expect.arrayContaining(['- token: abcdefgh-secret']));
  });

  it('hides a multi-line key line by line (the runner masks one log line at a time)', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDm\n-----END OPENSSH PRIVATE KEY-----\n';
    const fragments = secretFragments('git-ssh-key', key);
    expect(fragments).toEqual(expect.arrayContaining(['b3BlbnNzaC1rZXktdjEAAAAA', 'QyNTUxOQAAACDm', key.trim()]));
  });

  it('hides a password and its base64 form', () => {
    expect(secretFragments('postgres-password', ' hunter2-long ')).toEqual(['hunter2-long', Buffer.from('hunter2-long').toString('base64')]);
    expect(secretFragments('postgres-password', '   ')).toEqual([]);
  });
});

describe('maskSecretInputs', () => {
  it('registers every secret input with the runner and returns a mask with the same values', () => {
    const registered: string[] = [];
    const mask = maskSecretInputs(
      { 'INPUT_POSTGRES-PASSWORD': 'pg-password-1', 'INPUT_REDIS-PASSWORD': 'redis-password-2', INPUT_TOKEN: 'ghs_tokenvalue', INPUT_KUBECONFIG: kubeconfig, 'INPUT_KNOWN-HOSTS': 'github.com ssh-ed25519 AAAA' },
      (value) => registered.push(value),
    );
    expect(registered).toEqual(expect.arrayContaining(['pg-password-1', 'redis-password-2', 'ghs_tokenvalue', 'eyJhbGciOiJSUzI1NiJ9.secret-token-body']));
    // known_hosts holds public keys: not a secret, and masking it would blank ordinary log lines.
    expect(registered.join('\n')).not.toContain('github.com ssh-ed25519');
    expect(mask.mask('pg=pg-password-1 redis=redis-password-2 token=ghs_tokenvalue b64=' + Buffer.from('pg-password-1').toString('base64'))).toBe('pg=*** redis=*** token=*** b64=***');
  });
});
