/**
 * What the DAGs may import: the team's lock (requirements.lock, with the map
 * of the modules its distributions provide, requirements.modules.json), the
 * standard library, and the dags folder's own modules. Both layers report an
 * import that none of these provides as `missing-dependency`: the static
 * layer from the import statements, the import layer from Airflow's
 * ModuleNotFoundError.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
// The two modules, not the folder's index: that one also brings the lock's resolver (execa, uv), which
// validate never runs and would load on every start.
import { distributionHint, providerOf, readModuleMap, type LockedModules } from '../requirements/module-map.ts';
import { lockFileName, moduleMapFileName } from '../requirements/paths.ts';
import { UsageError } from '../errors.ts';
import type { Finding } from './report.ts';

export const missingDependencyRule = 'missing-dependency';

/**
 * The module map of the lock given, else of the first requirements.lock in
 * the dags folder or a folder above it, up to the repository's root (the
 * folder with .git). Null when there is none: then nothing is reported.
 */
export function findLockedModules(dagsFolder: string, lock: string | null | undefined): LockedModules | null {
  if (lock === null) return null;
  if (lock !== undefined) {
    const path = resolve(lock);
    if (!existsSync(path)) throw new UsageError(`lock file ${lock} does not exist`);
    return readModuleMap(join(dirname(path), moduleMapFileName));
  }
  for (let folder = resolve(dagsFolder); ; folder = dirname(folder)) {
    // A lock without its map (never locked with `lock`) reports nothing; `lock --check` says it is missing.
    if (existsSync(join(folder, lockFileName))) return existsSync(join(folder, moduleMapFileName)) ? readModuleMap(join(folder, moduleMapFileName)) : null;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return null;
  }
}

/**
 * The top-level names the dags folder itself makes importable (Airflow puts
 * it on sys.path): every module file and every folder. `dags` and the folder's
 * own name are left to the dags-folder-in-import rule, which says the import
 * that works. When a subfolder is validated (`validate dags/team_a`), the
 * names of the folders between it and the lock's folder count too: those are
 * the repository's own modules, not packages to lock.
 */
export function localModules(dagsFolder: string, locked: LockedModules | null): Set<string> {
  const names = new Set(['dags', basename(dagsFolder)]);
  const top = locked === null ? dagsFolder : dirname(resolve(locked.path));
  for (let folder = resolve(dagsFolder); ; folder = dirname(folder)) {
    if (folder !== resolve(dagsFolder) && (folder === top || !folder.startsWith(`${top}${sep}`))) break;
    for (const entry of readdirSync(folder, { withFileTypes: true })) names.add(entry.isDirectory() ? entry.name : entry.name.replace(/\..*$/, ''));
  }
  return names;
}

/** The module to add when `module` cannot be imported from the lock, else null. */
export function missingModule(locked: LockedModules, local: Set<string>, module: string): string | null {
  if (local.has(module.split('.')[0] ?? module)) return null;
  const provider = providerOf(locked, module);
  return provider.kind === 'missing' ? provider.module : null;
}

export function missingDependencyMessage(imported: string, missing: string): string {
  const hint = distributionHint(imported);
  const what = missing === imported ? `\`${imported}\`` : `\`${imported}\` (\`${missing}\`)`;
  return `${what} is provided by no package in ${lockFileName}, so the Airflow image and the import check cannot import it: ` +
    `add the distribution that provides it${hint ? ` (${hint})` : ''} to requirements.txt, then run \`npx airflow-gitops lock\``;
}

const moduleNotFound = /^ModuleNotFoundError: No module named '([^']+)'/;

/**
 * The import layer's ModuleNotFoundError of a module the lock does not
 * provide becomes `missing-dependency`, at the same place (the import line);
 * one the lock does provide says the venv was not installed from the lock.
 */
export function explainMissingModules(importFindings: Finding[], locked: LockedModules | null, local: Set<string>): Finding[] {
  if (locked === null) return importFindings;
  return importFindings.map((finding) => {
    const module = finding.rule === 'import-error' ? moduleNotFound.exec(finding.message)?.[1] : undefined;
    if (module === undefined || local.has(module.split('.')[0] ?? module)) return finding;
    // What findings.ts added after the error's text: where it was raised, for which file.
    const where = / \((?:while importing|raised in) .*\)$/s.exec(finding.message)?.[0] ?? '';
    const provider = providerOf(locked, module);
    if (provider.kind === 'missing') return { ...finding, rule: missingDependencyRule, message: `${missingDependencyMessage(module, provider.module)}${where}` };
    if (provider.kind !== 'locked' || provider.distributions.length === 0) return finding;
    return { ...finding, message: `${finding.message}. ${lockFileName} has it (${provider.distributions.join(', ')}), but the Python of the import check was not installed from it: run \`bash scripts/setup-airflow-venv.sh\`` };
  });
}
