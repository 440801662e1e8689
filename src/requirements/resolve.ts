/**
 * Refreshing the lock: uv resolves requirements.txt together with the base
 * lock, constrained by it, so every base package keeps its version and
 * hashes and the team's packages fit around them; then the venv of the
 * import check installs the result and python/module_map.py reads which
 * distribution provides each module. Nothing is written to the repository
 * until all of that succeeded.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { EnvironmentError, UsageError } from '../errors.ts';
import { lockedAirflow } from './airflow-pin.ts';
import { sha256Of } from './inputs.ts';
import { renderHeader, type LockInputs } from './lock-header.ts';
import { moduleMapOf, type ModuleMap } from './module-map.ts';
import type { LockPaths } from './paths.ts';

export type RefreshOptions = { env: NodeJS.ProcessEnv; log: (line: string) => void; pythonVersion?: string };

export type Refreshed = { packages: number; modules: number };

export async function refreshLock(paths: LockPaths, inputs: LockInputs, options: RefreshOptions): Promise<Refreshed> {
  const base = lockedAirflow(readFileSync(paths.baseLock, 'utf8'));
  if (base !== inputs.airflow) {
    throw new UsageError(`${paths.names.baseLock} pins apache-airflow==${base ?? 'nothing'} but ${paths.names.kustomization} pins ${inputs.airflow}: run \`bash python/requirements/lock.sh\` first, then lock again`);
  }
  const work = mkdtempSync(join(tmpdir(), 'airflow-gitops-lock-'));
  try {
    const candidate = join(work, 'requirements.lock');
    writeFileSync(candidate, renderHeader(inputs, paths.names) + await compile(paths, work, options));
    const python = await installVenv(paths, candidate, options);
    const map = await moduleMap(paths, python, sha256Of(candidate), options.env);
    // The lock and its map change together, each by a rename.
    const mapText = `${JSON.stringify(map, null, 1)}\n`;
    writeFileSync(join(work, 'map.json'), mapText);
    renameOrCopy(candidate, paths.lock);
    renameOrCopy(join(work, 'map.json'), paths.moduleMap);
    return { packages: (readFileSync(paths.lock, 'utf8').match(/^[A-Za-z0-9][A-Za-z0-9._-]*==/gm) ?? []).length, modules: Object.keys(map.modules).length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function compile(paths: LockPaths, work: string, options: RefreshOptions): Promise<string> {
  const uv = (await run('bash', [join(paths.engineRoot, 'python', 'requirements', 'install-uv.sh')], paths.root, options.env, 'installing uv')).trim();
  const output = join(work, 'uv-output.lock');
  options.log(`resolving ${paths.names.requirements} with ${paths.names.baseLock} (apache-airflow from ${paths.names.kustomization})`);
  await run(uv, ['pip', 'compile', '--quiet', '--generate-hashes', '--universal', '--python-version', options.pythonVersion ?? '3.11',
    '--custom-compile-command', 'npx airflow-gitops lock', '--constraint', paths.names.baseLock,
    paths.names.requirements, paths.names.baseLock, '-o', output], paths.root, options.env, `resolving ${paths.names.requirements}`);
  return readFileSync(output, 'utf8');
}

/** Installs the candidate lock into the import check's venv (scripts/setup-airflow-venv.sh); returns its Python. */
async function installVenv(paths: LockPaths, lock: string, options: RefreshOptions): Promise<string> {
  const venv = options.env.AIRFLOW_VENV ?? join(paths.engineRoot, '.venv', 'airflow');
  options.log(`installing it into ${venv}`);
  const env = { ...options.env, AIRFLOW_VENV: venv, AIRFLOW_REQUIREMENTS_LOCK: lock, AIRFLOW_KUSTOMIZATION: paths.kustomization };
  const output = await run('bash', [join(paths.engineRoot, 'scripts', 'setup-airflow-venv.sh')], paths.root, env, 'installing the lock');
  for (const line of output.trim().split('\n')) if (line) options.log(line);
  return join(venv, 'bin', 'python');
}

async function moduleMap(paths: LockPaths, python: string, lockSha256: string, env: NodeJS.ProcessEnv): Promise<ModuleMap> {
  const text = await run(python, ['-B', join(paths.engineRoot, 'python', 'module_map.py')], paths.root, env, 'reading the installed modules');
  let read: unknown;
  try {
    read = JSON.parse(text);
  } catch {
    throw new EnvironmentError(`python/module_map.py printed no JSON: ${text.slice(0, 200)}`);
  }
  return moduleMapOf(typeof read === 'object' && read !== null ? { ...read, lock: lockSha256 } : read, 'the output of python/module_map.py');
}

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): Promise<string> {
  const result = await execa(command, args, { cwd, env, reject: false, extendEnv: false });
  if (result.failed) {
    const detail = `${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    const cause = result.exitCode === undefined ? `could not run ${command}` : `${command} exited with ${result.exitCode}`;
    throw new EnvironmentError(`${what} failed (${cause})${detail ? `:\n${detail}` : ''}`);
  }
  return `${result.stdout}`;
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Another file system (the temporary folder): copy beside the target, then rename.
    writeFileSync(`${to}.tmp`, readFileSync(from));
    renameSync(`${to}.tmp`, to);
  }
}
