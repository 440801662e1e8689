/**
 * The content cache of the static layer: a run that reads every file's facts
 * from the cache (shown by a finding planted in the cache coming out) reports
 * exactly what a fresh run reports, cross-file checks included, and a changed
 * file is checked again.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { corpus, places, temporaryFolder } from '../../support/dags.ts';

describe('static cache', () => {
  it('reports the same from the cache, and checks a changed file again', async () => {
    const root = temporaryFolder('static-cache');
    const folder = join(root, 'dags');
    cpSync(corpus, folder, { recursive: true });
    const cacheFolder = join(root, 'cache');

    const fresh = await validateDags({ dagsFolder: folder, cacheFolder: null });
    const cold = await validateDags({ dagsFolder: folder, cacheFolder });
    const warm = await validateDags({ dagsFolder: folder, cacheFolder });
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);
    const cacheFile = join(cacheFolder, 'static.json');
    const stored = readFileSync(cacheFile, 'utf8');
    expect(Object.keys(JSON.parse(stored).files)).toContain('bad/cycle.py');

    // The warm run read its facts from the cache, not from a new check: a finding planted there comes out.
    const planted = JSON.parse(stored);
    planted.files['bad/cycle.py'].facts.findings[0].message = 'planted in the cache';
    writeFileSync(cacheFile, JSON.stringify(planted));
    const fromCache = await validateDags({ dagsFolder: folder, cacheFolder });
    expect(fromCache.findings.filter((f) => f.file === 'bad/cycle.py').map((f) => f.message)).toEqual(['planted in the cache']);
    writeFileSync(cacheFile, stored);

    // A second copy of a dag_id: the cross-file check runs on cached facts too.
    writeFileSync(join(folder, 'good', 'classic_operators.py'), readFileSync(join(folder, 'bad', 'no_schedule.py')));
    writeFileSync(join(folder, 'bad', 'syntax_error.py'), 'from airflow.sdk import DAG\n\nwith DAG(dag_id="fixed", schedule=None):\n    pass\n');
    const changed = await validateDags({ dagsFolder: folder, cacheFolder });
    expect(changed).toEqual(await validateDags({ dagsFolder: folder, cacheFolder: null }));
    expect(places(changed.findings)).not.toContain('bad/syntax_error.py:9 syntax-error');
    expect(places(changed.findings)).toContain('good/classic_operators.py:7 missing-schedule');
    expect(changed.findings.filter((f) => f.rule === 'duplicate-dag-id').length).toBeGreaterThan(
      fresh.findings.filter((f) => f.rule === 'duplicate-dag-id').length);
  }, 60_000);
});
