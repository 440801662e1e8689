/**
 * Finds a native ruff of exactly the version of the WebAssembly build the
 * validator ships (@astral-sh/ruff-wasm-nodejs in package.json): the same
 * rules, hence the same findings, without the seconds of CPU a 10 MB
 * WebAssembly module costs to start. Looked up in this order, the first
 * match wins:
 *
 *   1. `AIRFLOW_GITOPS_RUFF`: the path of a ruff program (an error if it is
 *      not that version), or `wasm` for the WebAssembly build;
 *   2. `.venv/ruff/bin/ruff` of airflow-gitops' own folder, where
 *      python/requirements/install-ruff.sh installs it;
 *   3. `ruff` beside the Python of the import layer (with `--import` only:
 *      that venv's programs run anyway), e.g. from the team's requirements.lock;
 *   4. the first `ruff` on PATH (absolute folders only).
 *
 * Never the working folder or the dags folder: a pull request could bring
 * its own `ruff` there, and the static layer runs none of the checked code.
 * Candidates of another version are passed over; each one's `ruff --version`
 * runs once per process.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ruffWasmPackage from '@astral-sh/ruff-wasm-nodejs/package.json' with { type: 'json' };
import { UsageError } from '../../errors.ts';

/** The version both builds must have. */
export const ruffVersion: string = ruffWasmPackage.version;

export const ruffVariable = 'AIRFLOW_GITOPS_RUFF';

const versions = new Map<string, Promise<string | null>>();

/** The native ruff to run, or null for the WebAssembly build. */
export async function nativeRuff(env: NodeJS.ProcessEnv, python?: string): Promise<string | null> {
  const chosen = env[ruffVariable];
  if (chosen === 'wasm') return null;
  if (chosen !== undefined && chosen !== '') {
    const path = resolve(chosen);
    const found = await versionOf(path);
    if (found === ruffVersion) return path;
    const problem = found === null ? 'does not run as `ruff --version`' : `is ruff ${found}`;
    throw new UsageError(`${ruffVariable}=${chosen} ${problem}; validate needs ruff ${ruffVersion}, the version of its rules ('pip install ruff==${ruffVersion}'), or ${ruffVariable}=wasm`);
  }
  return firstOfVersion(ruffCandidates(env, python));
}

/** The first of `paths` that is ruff of the version needed. */
export async function firstOfVersion(paths: string[]): Promise<string | null> {
  for (const path of paths) {
    if ((await versionOf(path)) === ruffVersion) return path;
  }
  return null;
}

/** Where to look, in order, without `AIRFLOW_GITOPS_RUFF`: the programs that exist. */
export function ruffCandidates(env: NodeJS.ProcessEnv, python: string | undefined): string[] {
  const found = [join(ownFolder(), '.venv', 'ruff', 'bin', 'ruff')];
  if (python !== undefined) found.push(join(dirname(python), 'ruff'));
  const onPath = (env.PATH ?? '').split(delimiter).filter(isAbsolute).map((folder) => join(folder, 'ruff')).find(isProgram);
  if (onPath !== undefined) found.push(onPath);
  return found.filter(isProgram);
}

/** airflow-gitops' folder: three above src/dags/static, one above the bundle in dist/. */
function ownFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'static' ? resolve(here, '..', '..', '..') : dirname(here);
}

function isProgram(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `ruff --version` says `ruff 0.17.4`; null when the program does not say so. */
function versionOf(path: string): Promise<string | null> {
  let version = versions.get(path);
  if (version === undefined) {
    version = new Promise((resolveVersion) => {
      execFile(path, ['--version'], { timeout: 10_000, encoding: 'utf8' }, (error, stdout) => {
        resolveVersion(error ? null : (/^ruff (\S+)\s*$/.exec(stdout)?.[1] ?? null));
      });
    });
    versions.set(path, version);
  }
  return version;
}
