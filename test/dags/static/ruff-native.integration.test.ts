/**
 * The native ruff (python/requirements/install-ruff.sh puts it in
 * .venv/ruff; scripts/test.sh runs it) gives the findings of the WebAssembly
 * build, to the rule, message, line and column: over the DAG fixtures, the
 * repository's dags/, and texts made to differ where the two could (columns
 * after characters outside the BMP, other encodings, a byte order mark,
 * CRLF, syntax errors). A ruff of another version is refused.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import { UsageError } from '../../../src/errors.ts';
import type { Finding } from '../../../src/dags/report.ts';
import { readSource } from '../../../src/dags/source.ts';
import { firstOfVersion, nativeRuff, ruffCandidates, ruffVariable, ruffVersion } from '../../../src/dags/static/ruff-binary.ts';
import { lintAll, type LintInput } from '../../../src/dags/static/ruff-process.ts';
import { repoRoot } from '../../support/paths.ts';
import { temporaryFolder } from '../../support/dags.ts';

const installed = join(repoRoot, '.venv', 'ruff', 'bin', 'ruff');

async function requireNativeRuff(): Promise<string> {
  const found = await nativeRuff({ [ruffVariable]: installed });
  if (found === null) throw new Error(`no native ruff at ${installed}: run 'bash python/requirements/install-ruff.sh' (scripts/test.sh does)`);
  return found;
}

function pythonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.py') && statSync(join(folder, name)).isFile())
    .map((name) => join(folder, name))
    .sort();
}

const edgeCases: Record<string, string | Buffer> = {
  'astral.py': 'x = "é😀"; y = undefined_a\n# 😀 comment\nz = "😀😀" + undefined_b  # ü\n',
  'astral-syntax.py': 's = "𝔘𝔫𝔦"; def f(:\n    return 1\nt = "😀" return\n',
  'crlf.py': 'from airflow import DAG\r\nwith DAG(dag_id="c", schedule_interval="@daily"):\r\n    x = "😀" + undefined_c\r\n',
  'lone-cr.py': 'a = 1\rb = "😀" + undefined_d\r',
  'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('from airflow.utils.dates import days_ago\nq = "😀", undefined_e\n')]),
  'latin1.py': Buffer.from('# -*- coding: latin-1 -*-\nname = "caf\xe9"; other = undefined_f\n', 'latin1'),
  'noqa.py': 'a = undefined_g  # noqa: F821\nb = undefined_h  # noqa\nc = undefined_i\n',
  'outside.py': 'return 1\nyield 2\nbreak\n',
  'eof.py': 'def f(\n    a = "😀",\n',
  'empty.py': '',
  'py312.py': 'type X = int\ndef f[T](x: T) -> T:\n    return x\ns = f"{"nested"}"\nmatch s:\n    case 1:\n        pass\n',
  'file-noqa.py': 'from airflow.operators.dummy import DummyOperator\n# ruff: noqa: F821\nz = undefined_z\n',
  'indent.py': '\t\tx = 1\n',
  '--help.py': 'x = undefined_j\n',
  '-.py': 'from airflow.operators.dummy import DummyOperator\n',
};

function edgeCaseFolder(): string {
  const folder = temporaryFolder('ruff-edge');
  for (const [name, content] of Object.entries(edgeCases)) writeFileSync(join(folder, name), content);
  return folder;
}

function inputsOf(files: string[], stamped: boolean): LintInput[] {
  return files.map((absolute) => readSource(absolute, absolute)).flatMap((source) => {
    if (source.text === null) return [];
    return [stamped ? { path: source.path, text: source.text, absolute: source.absolute, stamp: source.stamp } : { path: source.path, text: source.text }];
  });
}

function sorted(results: Map<string, Finding[]>): [string, Finding[]][] {
  return [...results].sort(([a], [b]) => a.localeCompare(b)).map(([path, findings]) =>
    [path, [...findings].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message))]);
}

describe('the native ruff', () => {
  const files = [...pythonFiles(join(repoRoot, 'test', 'fixtures')), ...pythonFiles(join(repoRoot, 'dags')), ...pythonFiles(edgeCaseFolder())];

  it('finds what the WebAssembly build finds, read from the files and from copies', async () => {
    const native = await requireNativeRuff();
    const inputs = inputsOf(files, true);
    const wasm = sorted(await lintAll(inputsOf(files, false), { native: null }));
    expect(sorted(await lintAll(inputs, { native }))).toEqual(wasm);
    expect(sorted(await lintAll(inputsOf(files, false), { native }))).toEqual(wasm);
    // The corpus has findings of every kind the comparison is about.
    const all = wasm.flatMap(([, findings]) => findings);
    for (const rule of ['syntax-error', 'undefined-name', 'airflow3-removal', 'return-outside-function']) expect(all.some((finding) => finding.rule === rule)).toBe(true);
    // Files not in UTF-8 are checked from copies; the others from the files themselves.
    const copied = inputs.filter((input) => input.stamp === undefined).map((input) => input.path);
    expect(copied).toContain(files.find((file) => file.endsWith('/latin1.py')));
    expect(copied).not.toContain(files.find((file) => file.endsWith('/astral.py')));
  }, 120_000);

  it('counts columns in UTF-16 code units, as the WebAssembly build is asked to', async () => {
    const native = await requireNativeRuff();
    const folder = edgeCaseFolder();
    const results = await lintAll(inputsOf([join(folder, 'astral.py')], true), { native });
    expect([...results.values()].flat().map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      '1:16 Undefined name `undefined_a`',
      '3:14 Undefined name `undefined_b`',
    ]);
  });

  it('checks the text this run read, when the file changes after the read', async () => {
    const native = await requireNativeRuff();
    const folder = temporaryFolder('ruff-changed');
    const file = join(folder, 'dag.py');
    writeFileSync(file, 'x = undefined_before\n');
    const inputs = inputsOf([file], true);
    writeFileSync(file, 'x = 1\ny = undefined_after\n');
    const results = await lintAll(inputs, { native });
    expect([...results.values()].flat().map((finding) => `${finding.line} ${finding.message}`)).toEqual(['1 Undefined name `undefined_before`']);
  });
});

describe('validate with the native ruff', () => {
  it('finds what it finds with the WebAssembly build, and starts no ruff server', async () => {
    const folder = temporaryFolder('ruff-validate');
    const cache = join(folder, 'cache');
    const dagsFolder = join(repoRoot, 'test', 'fixtures', 'dags', 'corpus');
    const native = await validateDags({ dagsFolder, cacheFolder: cache, ruffServer: true, env: { ...process.env, [ruffVariable]: installed } });
    const wasm = await validateDags({ dagsFolder, cacheFolder: null, env: { ...process.env, [ruffVariable]: 'wasm' } });
    expect(native.findings).toEqual(wasm.findings);
    expect(native.findings.filter((finding) => finding.rule.startsWith('airflow3')).length).toBeGreaterThan(1);
    expect(readdirSync(cache).filter((name) => name.endsWith('.sock'))).toEqual([]);
  }, 120_000);
});

describe('choosing the native ruff', () => {
  it(`takes ${ruffVariable} when it is ruff ${ruffVersion}, and the WebAssembly build when it says wasm`, async () => {
    expect(await nativeRuff({ [ruffVariable]: installed })).toBe(installed);
    expect(await nativeRuff({ [ruffVariable]: 'wasm' })).toBeNull();
  });

  it('refuses a ruff of another version named by the variable', async () => {
    const folder = temporaryFolder('ruff-other');
    const other = join(folder, 'ruff');
    writeFileSync(other, '#!/bin/sh\necho "ruff 0.16.0"\n');
    chmodSync(other, 0o755);
    const refused = nativeRuff({ [ruffVariable]: other });
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(`${ruffVariable}=${other} is ruff 0.16.0; validate needs ruff ${ruffVersion}`);
    await expect(nativeRuff({ [ruffVariable]: join(folder, 'missing') })).rejects.toThrow('does not run as `ruff --version`');
  });

  it('passes over a ruff of another version', async () => {
    const folder = temporaryFolder('ruff-path');
    const other = join(folder, 'ruff');
    writeFileSync(other, '#!/bin/sh\necho "ruff 0.16.0"\n');
    chmodSync(other, 0o755);
    expect(await firstOfVersion([other, installed])).toBe(installed);
    expect(await firstOfVersion([other])).toBeNull();
  });

  it("looks in its own .venv/ruff, beside the import layer's Python, then on PATH, never in a relative folder", () => {
    const folder = temporaryFolder('ruff-where');
    const python = join(folder, 'venv', 'bin');
    const onPath = join(folder, 'path');
    for (const bin of [python, onPath]) {
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'ruff'), '#!/bin/sh\n');
      chmodSync(join(bin, 'ruff'), 0o755);
    }
    mkdirSync(join(folder, 'relative'));
    writeFileSync(join(folder, 'relative', 'ruff'), '#!/bin/sh\n');
    chmodSync(join(folder, 'relative', 'ruff'), 0o755);
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      expect(ruffCandidates({ PATH: ['relative', onPath].join(delimiter) }, join(python, 'python'))).toEqual([installed, join(python, 'ruff'), join(onPath, 'ruff')]);
      expect(ruffCandidates({ PATH: 'relative' }, undefined)).toEqual([installed]);
    } finally {
      process.chdir(cwd);
    }
  });
});
