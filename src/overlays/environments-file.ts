/**
 * environments.yaml: the environments the workflows deploy, in order, each
 * with its GitHub environment and the environment it is promoted from. The
 * workflows and `promote` read this one file, so adding an environment is an
 * overlay folder and an entry. Everything in it is checked here, since its
 * names end up in workflow outputs, branch names and labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName, overlaysRoot } from './environments.ts';

export const environmentsFileName = 'environments.yaml';

export type EnvironmentEntry = { name: string; githubEnvironment: string; promoteFrom?: string };

const githubEnvironmentName = /^[A-Za-z0-9_.-]{1,255}$/;
const knownKeys = new Set(['name', 'github-environment', 'promote-from']);

/** The chain used when a repository has no environments.yaml. */
export const defaultEnvironments: EnvironmentEntry[] = [
  { name: 'dev', githubEnvironment: 'dev' },
  { name: 'staging', githubEnvironment: 'staging', promoteFrom: 'dev' },
  { name: 'prod', githubEnvironment: 'prod', promoteFrom: 'staging' },
];

function entryOf(raw: unknown, index: number, earlier: EnvironmentEntry[], where: string): EnvironmentEntry {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where}: environments[${index}] must be a mapping with a name`);
  const fields = raw as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!knownKeys.has(key)) throw new UsageError(`${where}: environments[${index}] has an unknown key '${key}' (known: ${[...knownKeys].join(', ')})`);
  if (typeof fields.name !== 'string') throw new UsageError(`${where}: environments[${index}] needs a name`);
  const name = checkEnvironmentName(fields.name);
  if (earlier.some((e) => e.name === name)) throw new UsageError(`${where}: environment '${name}' is listed twice`);
  const github = fields['github-environment'] ?? name;
  if (typeof github !== 'string' || !githubEnvironmentName.test(github)) throw new UsageError(`${where}: github-environment of '${name}' must be letters, digits, '.', '_' or '-'`);
  const from = fields['promote-from'];
  if (from !== undefined && (typeof from !== 'string' || !earlier.some((e) => e.name === from))) {
    throw new UsageError(`${where}: promote-from of '${name}' must name an environment listed before it (${earlier.map((e) => e.name).join(', ') || 'none'})`);
  }
  return { name, githubEnvironment: github, ...(typeof from === 'string' ? { promoteFrom: from } : {}) };
}

/** The environments of `repoRoot`, in order; each must have its overlay folder. */
export function readEnvironments(repoRoot: string): EnvironmentEntry[] {
  const path = join(repoRoot, environmentsFileName);
  if (!existsSync(path)) return defaultEnvironments.filter((e) => existsSync(join(overlaysRoot(repoRoot), e.name, 'kustomization.yaml')));
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) throw new UsageError(`${environmentsFileName}: ${doc.errors[0]?.message ?? 'not valid YAML'}`);
  const list = (doc.toJS() as { environments?: unknown } | null)?.environments;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(`${environmentsFileName}: needs a non-empty list 'environments'`);
  const entries: EnvironmentEntry[] = [];
  list.forEach((raw, index) => entries.push(entryOf(raw, index, entries, environmentsFileName)));
  for (const e of entries) {
    if (!existsSync(join(overlaysRoot(repoRoot), e.name, 'kustomization.yaml'))) throw new UsageError(`${environmentsFileName}: environment '${e.name}' has no overlay (overlays/${e.name}/kustomization.yaml)`);
  }
  return entries;
}

/** The promotion steps, "from -> to", in the file's order. */
export function promotionChain(entries: EnvironmentEntry[]): { from: string; to: string }[] {
  return entries.filter((e) => e.promoteFrom !== undefined).map((e) => ({ from: e.promoteFrom ?? '', to: e.name }));
}
