/**
 * `.airflowignore` and DAG discovery, compared with Airflow's own code in the
 * venv: the glob translation with the `pathspec` patterns Airflow uses, and
 * the list of files with Airflow's list_py_file_paths, in both syntaxes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDagFiles } from '../../../src/dags/files/discover.ts';
import { compileGlob } from '../../../src/dags/files/gitwildmatch.ts';
import { runAirflowPython, temporaryFolder } from '../../support/dags.ts';

const patterns = ['*.py', '/top.py', 'sub/', 'sub/*.py', '**/deep', 'a/**/b', 'a/**', '!keep.py', 'file?.py', '[ab]*.py', '[!c]*.py', 'x\\*y', 'name ', '**', '*', 'doc/*.md', 'tmp/**/*.py', '[z'];
const paths = ['top.py', 'x/top.py', 'sub', 'sub/', 'sub/a.py', 'x/sub/a.py', 'deep', 'x/y/deep', 'deep/z.py', 'a/b', 'a/x/y/b', 'a/x', 'keep.py', 'file1.py', 'file10.py', 'apple.py', 'cat.py', 'x*y', 'name', 'doc/readme.md', 'doc/x/readme.md', 'tmp/a/b/c.py', 'tmp/c.py', '[z'];

describe('glob patterns', () => {
  it('match the same paths as pathspec, which Airflow uses', () => {
    const script = join(temporaryFolder('pathspec'), 'pathspec_vectors.py');
    writeFileSync(script, [
      'import json, sys, warnings',
      'warnings.simplefilter("ignore")',
      'from pathspec.patterns.gitwildmatch import GitWildMatchPattern',
      `patterns, paths = ${JSON.stringify(patterns)}, ${JSON.stringify(paths)}`,
      'result = {}',
      'for pattern in patterns:',
      '    compiled = GitWildMatchPattern(pattern)',
      '    result[pattern] = None if compiled.include is None else {"include": compiled.include, "matches": [p for p in paths if compiled.match_file(p) is not None]}',
      'open(sys.argv[1], "w").write(json.dumps(result))',
    ].join('\n'));
    const expected = runAirflowPython(script) as Record<string, { include: boolean; matches: string[] } | null>;
    for (const pattern of patterns) {
      const compiled = compileGlob(pattern);
      const ours = compiled.regex === null ? null : { include: compiled.include, matches: paths.filter((path) => compiled.regex?.test(path)) };
      expect({ pattern, ours }).toEqual({ pattern, ours: expected[pattern] });
    }
  });
});

const tree: Record<string, string> = {
  'dag_a.py': 'airflow dag',
  'helper.py': 'no magic words',
  'scratch_test.py': 'airflow dag',
  'notes.txt': 'airflow dag',
  'team/dag_b.py': 'airflow dag',
  'team/.airflowignore': 'legacy\n!keep_me.py\n',
  'team/legacy/dag_c.py': 'airflow dag',
  'team/keep_me.py': 'airflow dag',
  'team/tmp_1.py': 'airflow dag',
  'vendor/lib.py': 'airflow dag',
  'data/DAG_upper.PY': 'AIRFLOW DAG',
  'assets_only.py': 'airflow asset',
};

const ignoreFiles = {
  glob: '# comments are dropped\nscratch_*.py\n/vendor/\nteam/tmp_?.py\n',
  regexp: 'scratch_.*\\.py  # a comment\n^vendor\nteam/tmp_\\d\n',
};

describe.each(['glob', 'regexp'] as const)('discovery with %s syntax', (syntax) => {
  it('lists the same files as Airflow', () => {
    const folder = temporaryFolder(`discover-${syntax}`);
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), syntax === 'regexp' && path === 'team/.airflowignore' ? 'legacy\n' : text);
    }
    writeFileSync(join(folder, '.airflowignore'), ignoreFiles[syntax]);
    const script = join(folder, '..', `list-${syntax}.py`);
    writeFileSync(script, [
      'import json, os, sys',
      `os.environ["AIRFLOW__CORE__DAG_IGNORE_FILE_SYNTAX"] = "${syntax}"`,
      'from airflow.utils.file import find_dag_file_paths',
      `folder = ${JSON.stringify(folder)}`,
      'found = sorted(os.path.relpath(p, folder) for p in find_dag_file_paths(folder, safe_mode=False))',
      'open(sys.argv[1], "w").write(json.dumps(found))',
    ].join('\n'));
    const airflow = runAirflowPython(script) as string[];
    const ours = discoverDagFiles(folder, syntax).files.map((file) => file.path);
    expect(ours).toEqual(airflow);
    expect(ours).toContain('team/dag_b.py');
    expect(ours).not.toContain('vendor/lib.py');
  });
});
