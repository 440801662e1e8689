/**
 * Whether requirements.lock and its module map are current: the lock's
 * header against the files as they are now, and the map against the lock.
 * Reads files only, so CI and `lock --check` need neither network nor Python.
 */
import { existsSync, readFileSync } from 'node:fs';
import { currentInputs, sha256Of } from './inputs.ts';
import { readHeader, staleness } from './lock-header.ts';
import { readModuleMap } from './module-map.ts';
import type { LockPaths } from './paths.ts';

/** Why the lock or its map is stale, one sentence each; empty when both are current. */
export function lockStaleness(paths: LockPaths): string[] {
  const current = currentInputs(paths);
  const { names } = paths;
  if (!existsSync(paths.lock)) return [`${names.lock} does not exist`];
  const reasons = staleness(readHeader(readFileSync(paths.lock, 'utf8'), names.lock), current, names);
  if (!existsSync(paths.moduleMap)) return [...reasons, `${names.moduleMap} does not exist`];
  if (readModuleMap(paths.moduleMap).map.lock !== sha256Of(paths.lock)) {
    reasons.push(`${names.moduleMap} was taken from another ${names.lock} (was the lock edited by hand?)`);
  }
  return reasons;
}

/** The message of a stale lock: the file, what changed, and what to run. */
export function staleMessage(paths: LockPaths, reasons: string[]): string {
  return `${paths.names.lock} is stale:\n${reasons.map((reason) => `  - ${reason}\n`).join('')}` +
    `run \`npx airflow-gitops lock\` and commit ${paths.names.requirements}, ${paths.names.lock} and ${paths.names.moduleMap}`;
}
