// diff and deploy inputs go through the settings constructor the CLI uses: the
// two entries must mean the same thing by every option.
import { mkdirSync, mkdtempSync, statSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionSettings, type ClusterSettings } from '../../../src/action/settings.ts';
import { engineDeploySettings } from '../../../src/action/commands/cluster-settings.ts';
import { engineEnvironment } from '../../../src/action/context.ts';
import { inputVariable } from '../../../src/action/inputs.ts';
import { writeKubeconfig } from '../../../src/action/kubeconfig-file.ts';

const repo = mkdtempSync(join(tmpdir(), 'cluster-settings-'));
mkdirSync(join(repo, 'overlays', 'prod'), { recursive: true });
writeFileSync(join(repo, 'overlays', 'prod', 'kustomization.yaml'), 'resources: []\n');

function settings(inputs: Record<string, string>): ClusterSettings {
  const env = Object.fromEntries(Object.entries({ environment: 'prod', ...inputs }).map(([n, v]) => [inputVariable(n), v]));
  return readActionSettings(env, repo) as ClusterSettings;
}

describe('diff and deploy inputs', () => {
  it('keep the engine defaults when no input is given', () => {
    const engine = engineDeploySettings(settings({ command: 'deploy' }), undefined, {});
    expect(engine).toMatchObject({ environment: 'prod', prune: true, pruneSecrets: false, prunePvcs: false, wait: true, timeoutSeconds: 300, rollback: false, forceConflicts: false, recreateStatefulSets: false });
    expect(engine.kubeconfig).toBeUndefined();
  });

  it('give every option to the engine as the CLI flag for it would', () => {
    const given = settings({
      command: 'deploy',
      prune: 'false',
      'prune-secrets': 'true',
      'prune-pvcs': 'true',
      wait: 'false',
      timeout: '90s',
      rollback: 'true',
      'force-conflicts': 'true',
      'recreate-statefulsets': 'true',
      context: 'prod-admin',
    });
    expect(engineDeploySettings(given, '/tmp/kc', {})).toMatchObject({
      kubeconfig: '/tmp/kc', context: 'prod-admin', prune: false, pruneSecrets: true, prunePvcs: true, wait: false, timeoutSeconds: 90, rollback: true, forceConflicts: true, recreateStatefulSets: true,
    });
  });

  it('hand the Airflow secrets to the engine as the variables it reads', () => {
    const engine = engineDeploySettings(settings({ command: 'diff', 'redis-password': 'redis-pass-1' }), undefined, { PATH: '/bin' });
    expect(engine.env).toMatchObject({ PATH: '/bin', AIRFLOW_GITOPS_REDIS_PASSWORD: 'redis-pass-1' });
  });
});

describe('engineEnvironment', () => {
  it('drops the INPUT_* variables (secret inputs among them) from what child processes see', () => {
    expect(engineEnvironment({ PATH: '/bin', INPUT_KUBECONFIG: 'secret', 'INPUT_POSTGRES-PASSWORD': 'pw', RUNNER_TEMP: '/t' })).toEqual({ PATH: '/bin', RUNNER_TEMP: '/t' });
  });
});

describe('writeKubeconfig', () => {
  it('writes a file only its owner can read, and removes it with its folder', () => {
    const file = writeKubeconfig('apiVersion: v1', mkdtempSync(join(tmpdir(), 'kc-')));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(file.path, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file.path, 'utf8')).toBe('apiVersion: v1\n');
    file.remove();
    expect(existsSync(join(file.path, '..'))).toBe(false);
  });
});
