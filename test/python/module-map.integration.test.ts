/**
 * python/module_map.py, run with the Airflow venv that scripts/setup-airflow-venv.sh
 * installed from requirements.lock, gives the committed requirements.modules.json:
 * the map the static layer reads is the venv's own, namespaces and all.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleMapOf } from '../../src/requirements/module-map.ts';
import { requireAirflowPython } from '../support/dags.ts';
import { repoRoot } from '../support/paths.ts';

describe('python/module_map.py', () => {
  it('reads the committed map from the venv installed from requirements.lock', () => {
    const output: unknown = JSON.parse(execFileSync(requireAirflowPython(), ['-B', join(repoRoot, 'python', 'module_map.py')], { encoding: 'utf8' }));
    const committed = moduleMapOf(JSON.parse(readFileSync(join(repoRoot, 'requirements.modules.json'), 'utf8')), 'requirements.modules.json');
    const fresh = moduleMapOf({ ...(output as object), lock: committed.lock }, 'python/module_map.py');
    expect(fresh).toEqual(committed);
    expect(fresh.namespaces).toContain('airflow.providers');
    expect(fresh.modules['airflow.providers.http']).toEqual(['apache-airflow-providers-http']);
    expect(fresh.stdlib).toContain('json');
  });
});
