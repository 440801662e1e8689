/**
 * init <dir>: a small repository of a team's own, made from the engine's
 * template: the vendored base/, components/ and cluster/ (with their
 * manifest, see manifest.ts), the overlays and example DAGs to edit, and
 * thin workflows that call the action and the reusable workflows by full
 * name and version. Its overlays render exactly as the engine's own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName, listEnvironments } from '../overlays/environments.ts';
import { filesUnder, vendoredFiles } from './engine.ts';
import { manifestFile, manifestFor, manifestText } from './manifest.ts';
import { teamWorkflows, versionedUses } from './workflows.ts';

export type InitOptions = { engineRoot: string; target: string; engine: string; version: string; environments?: string[] };
export type InitPlan = { files: Map<string, Buffer> };

const gitignore = '# The engine checked out by the reusable workflows, the Airflow venv, caches\n.airflow-gitops/\n.airflow-gitops-platform/\n.venv/\n.cache/\n';

function chosenEnvironments(engineRoot: string, wanted: string[] | undefined): string[] {
  const known = listEnvironments(engineRoot);
  if (wanted === undefined) return known;
  for (const name of wanted) {
    checkEnvironmentName(name);
    if (!known.includes(name)) throw new UsageError(`--environments: '${name}' is not one of the template's environments (${known.join(', ')})`);
  }
  return wanted;
}

function workflowFiles(options: InitOptions): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of teamWorkflows) {
    const text = readFileSync(join(options.engineRoot, '.github', 'workflows', name), 'utf8');
    files.set(`.github/workflows/${name}`, Buffer.from(versionedUses(text, options.engine, options.version)));
  }
  for (const [path, content] of filesUnder(join(options.engineRoot, 'scaffold'), '.github')) files.set(path, content);
  return files;
}

export function planInit(options: InitOptions): InitPlan {
  const files = new Map<string, Buffer>();
  const vendored = vendoredFiles(options.engineRoot);
  for (const [path, content] of vendored) files.set(path, content);
  for (const env of chosenEnvironments(options.engineRoot, options.environments)) {
    for (const [path, content] of filesUnder(options.engineRoot, `overlays/${env}`)) files.set(path, content);
  }
  for (const [path, content] of filesUnder(options.engineRoot, 'dags')) files.set(path, content);
  // The order of the environments and their GitHub environments, which the workflows read.
  const environmentsFile = join(options.engineRoot, 'environments.yaml');
  if (existsSync(environmentsFile)) files.set('environments.yaml', readFileSync(environmentsFile));
  // The team's image (built once requirements.lock exists): theirs to edit, so written once, not vendored.
  for (const name of ['Dockerfile', '.dockerignore']) if (existsSync(join(options.engineRoot, name))) files.set(name, readFileSync(join(options.engineRoot, name)));
  for (const [path, content] of workflowFiles(options)) files.set(path, content);
  const readme = readFileSync(join(options.engineRoot, 'scaffold', 'README.md'), 'utf8').replaceAll('OWNER/airflow-gitops', options.engine).replaceAll('@VERSION', `@${options.version}`);
  files.set('README.md', Buffer.from(readme));
  files.set('.gitignore', Buffer.from(gitignore));
  files.set(manifestFile, Buffer.from(manifestText(manifestFor(options.engine, options.version, vendored))));
  return { files };
}

export function writeInit(target: string, plan: InitPlan): void {
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} is not empty: init writes a new repository`);
  for (const [path, content] of plan.files) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), content);
  }
}
