import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionSettings } from '../../src/action/settings.ts';
import { Inputs, inputVariable } from '../../src/action/inputs.ts';

/** Inputs as the runner passes them: INPUT_<NAME>, dashes kept. */
function env(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])), ...extra };
}

describe('inputVariable', () => {
  it('upper-cases, turns spaces into underscores and keeps dashes, like the runner', () => {
    expect(inputVariable('dags-directory')).toBe('INPUT_DAGS-DIRECTORY');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });
});

describe('Inputs', () => {
  it('reads YAML 1.2 core booleans and refuses anything else, naming the input and quoting the value', () => {
    const inputs = new Inputs(env({ a: 'True', b: 'FALSE', c: 'yes', d: '' }));
    expect(inputs.boolean('a', false)).toBe(true);
    expect(inputs.boolean('b', true)).toBe(false);
    expect(inputs.boolean('d', true)).toBe(true);
    expect(() => inputs.boolean('c', false)).toThrow(`input 'c': "yes" is not a boolean (use true or false)`);
  });

  it('splits lists on commas and newlines', () => {
    expect(new Inputs(env({ labels: 'a, b\nc,,\n' })).list('labels')).toEqual(['a', 'b', 'c']);
  });

  it('trims text but keeps the raw value for secrets', () => {
    const inputs = new Inputs(env({ key: '  line\n' }));
    expect(inputs.text('key')).toBe('line');
    expect(inputs.raw('key')).toBe('  line\n');
  });
});

describe('readActionSettings', () => {
  const cwd = '/repo';

  it('reads validate with the action.yml defaults', () => {
    expect(readActionSettings(env({ command: 'validate', 'dags-directory': 'dags', 'import-check': 'false', 'working-directory': '.' }), cwd)).toEqual({
      command: 'validate',
      workingDirectory: '/repo',
      dagsDirectory: 'dags',
      dagsFolder: '/repo/dags',
      importCheck: false,
      requireDags: false,
      airflowPython: undefined,
    });
  });

  describe('path inputs stay inside the workspace', () => {
    const workspace = { GITHUB_WORKSPACE: '/runner/work/repo/repo' };
    it.each([
      [{ command: 'validate', 'working-directory': '../../../../etc' }, `input 'working-directory': "../../../../etc" resolves to /etc, which is outside the workspace /runner/work/repo/repo`],
      [{ command: 'validate', 'dags-directory': '/usr/lib/python3/dist-packages' }, `input 'dags-directory': "/usr/lib/python3/dist-packages" resolves to /usr/lib/python3/dist-packages, which is outside the workspace /runner/work/repo/repo`],
      [{ command: 'validate', 'working-directory': 'sub', 'dags-directory': '../../dags' }, `input 'dags-directory': "../../dags" resolves to /runner/work/repo/dags, which is outside the workspace`],
      [{ command: 'render', environment: 'dev', 'render-file': '../../escaped.yaml' }, `input 'render-file': "../../escaped.yaml" resolves to /runner/work/escaped.yaml, which is outside the workspace /runner/work/repo/repo`],
      [{ command: 'render', environment: 'dev', 'render-file': '/tmp/out.yaml' }, `input 'render-file': "/tmp/out.yaml" resolves to /tmp/out.yaml, which is outside the workspace`],
    ])('refuses %j', (inputs, message) => {
      expect(() => readActionSettings(env(inputs as Record<string, string>, workspace), workspace.GITHUB_WORKSPACE)).toThrow(message);
    });

    it('accepts paths inside, and an interpreter outside', () => {
      const settings = readActionSettings(env({ command: 'validate', 'working-directory': 'sub', 'dags-directory': '../dags', 'airflow-python': '/opt/airflow/bin/python' }, workspace), workspace.GITHUB_WORKSPACE);
      expect(settings).toMatchObject({ workingDirectory: '/runner/work/repo/repo/sub', dagsFolder: '/runner/work/repo/repo/dags', airflowPython: '/opt/airflow/bin/python' });
      const render = readActionSettings(env({ command: 'render', environment: 'dev', 'render-file': 'out/dev.yaml' }, workspace), workspace.GITHUB_WORKSPACE);
      expect(render).toMatchObject({ renderFile: '/runner/work/repo/repo/out/dev.yaml' });
    });

    it('refuses a symbolic link in the workspace that leads out of it', () => {
      const root = mkdtempSync(join(tmpdir(), 'workspace-'));
      try {
        mkdirSync(join(root, 'repo'));
        symlinkSync('/usr/lib', join(root, 'repo', 'dags'));
        const linked = { GITHUB_WORKSPACE: join(root, 'repo') };
        expect(() => readActionSettings(env({ command: 'validate' }, linked), linked.GITHUB_WORKSPACE)).toThrow(
          `input 'dags-directory': "dags" resolves through a symbolic link to /usr/lib, which is outside the workspace ${join(root, 'repo')}`,
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });

  it('takes the ref to pin from GITHUB_SHA when the input is empty', () => {
    const settings = readActionSettings(env({ command: 'bump', environment: 'dev' }, { GITHUB_SHA: 'f'.repeat(40) }), cwd);
    expect(settings).toMatchObject({ command: 'bump', environment: 'dev', ref: 'f'.repeat(40), commit: false });
    expect(() => readActionSettings(env({ command: 'bump', environment: 'dev' }), cwd)).toThrow("input 'ref' is required for command 'bump' outside a workflow run");
  });

  it('turns the secret inputs into the variables the engine reads, keeping the key newline', () => {
    const settings = readActionSettings(
      env({ command: 'deploy', environment: 'prod', 'git-ssh-key': '-----BEGIN KEY-----\nabc\n-----END KEY-----', 'postgres-password': ' pw-123456 ', 'known-hosts': 'github.com ssh-ed25519 AAAA' }),
      cwd,
    );
    expect(settings).toMatchObject({
      command: 'deploy',
      environment: 'prod',
      prune: true,
      wait: true,
      timeout: '5m',
      secretValues: {
        AIRFLOW_GITOPS_GIT_SSH_KEY: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n',
        AIRFLOW_GITOPS_POSTGRES_PASSWORD: 'pw-123456',
        AIRFLOW_GITOPS_GIT_KNOWN_HOSTS: 'github.com ssh-ed25519 AAAA\n',
      },
    });
  });

  it('reads promote', () => {
    expect(readActionSettings(env({ command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging', labels: 'promotion', token: 't0k' }), cwd)).toEqual({
      command: 'promote',
      workingDirectory: '/repo',
      from: 'dev',
      to: 'staging',
      allowAnyOrder: false,
      pullRequest: true,
      base: undefined,
      labels: ['promotion'],
      draft: false,
      token: 't0k',
    });
  });

  it.each([
    [{}, "input 'command' is required: one of validate, bump, render, diff, deploy, promote"],
    [{ command: 'apply' }, `input 'command': "apply" is not one of validate, bump, render, diff, deploy, promote`],
    [{ command: 'deploy' }, "input 'environment' is required for command 'deploy'"],
    [{ command: 'deploy', environment: 'Prod!' }, `input 'environment': environment "Prod!" is not a valid name`],
    [{ command: 'deploy', environment: 'prod', timeout: '5 minutes' }, `input 'timeout': "5 minutes" is not a duration like 300, 300s or 5m`],
    [{ command: 'deploy', environment: 'prod', timeout: '0' }, `input 'timeout': "0" is not a duration`],
    [{ command: 'diff', environment: 'prod', prune: 'no' }, `input 'prune': "no" is not a boolean`],
    [{ command: 'validate', environment: 'prod' }, "input 'environment' is not used by command 'validate' (it is for bump, render, diff, deploy)"],
    [{ command: 'render', environment: 'dev', kubeconfig: 'x' }, "input 'kubeconfig' is not used by command 'render' (it is for diff, deploy)"],
    [{ command: 'promote', 'from-environment': 'dev' }, "input 'to-environment' is required for command 'promote'"],
  ])('refuses %j: %s', (inputs, message) => {
    expect(() => readActionSettings(env(inputs as Record<string, string>, { GITHUB_SHA: 'f'.repeat(40) }), cwd)).toThrow(message);
  });
});
