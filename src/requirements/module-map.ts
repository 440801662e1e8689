/**
 * requirements.modules.json: which locked distribution provides each module,
 * written by `airflow-gitops lock` from the venv it installed the lock into
 * (python/module_map.py), beside the lock. The validator reads it to tell an
 * import that nothing in the lock provides, without Python.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';

export type ModuleMap = {
  /** sha256 of the requirements.lock the map was taken from. */
  lock: string;
  /** The interpreter's major.minor: the standard library below is its own. */
  python: string;
  stdlib: string[];
  /** Each top-level module, and each module directly inside a namespace package: the distributions that install it. */
  modules: Record<string, string[]>;
  /** Namespace packages (no __init__.py) that distributions share, like airflow.providers. */
  namespaces: string[];
};

/** What provides a module: the standard library, a locked distribution, or nothing (`missing` names the module to add). */
export type Provider = { kind: 'stdlib' } | { kind: 'locked'; distributions: string[] } | { kind: 'missing'; module: string };

/** A map read once, with sets for the lookups. */
export type LockedModules = { path: string; map: ModuleMap; stdlib: Set<string>; namespaces: Set<string> };

export function readModuleMap(path: string): LockedModules {
  if (!existsSync(path)) throw new UsageError(`${path} not found: run \`npx airflow-gitops lock\` to write it beside requirements.lock`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not JSON (${(error as Error).message}): run \`npx airflow-gitops lock\` to write it again`);
  }
  return lockedModules(moduleMapOf(parsed, path), path);
}

export function lockedModules(map: ModuleMap, path: string): LockedModules {
  return { path, map, stdlib: new Set(map.stdlib), namespaces: new Set(map.namespaces) };
}

/** A module map checked field by field; `path` names its source in errors. */
export function moduleMapOf(value: unknown, path: string): ModuleMap {
  const bad = (what: string): never => { throw new UsageError(`${path}: ${what}; run \`npx airflow-gitops lock\` to write it again`); };
  if (typeof value !== 'object' || value === null) return bad('not an object');
  const record = value as Record<string, unknown>;
  const strings = (key: string): string[] => {
    const list = record[key];
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : bad(`'${key}' is not a list of names`);
  };
  const text = (key: string): string => (typeof record[key] === 'string' ? record[key] : bad(`'${key}' is not a string`));
  const modules = record.modules;
  if (typeof modules !== 'object' || modules === null || Array.isArray(modules)) return bad("'modules' is not an object");
  const checkedModules: Record<string, string[]> = {};
  for (const [name, distributions] of Object.entries(modules)) {
    if (!Array.isArray(distributions) || !distributions.every((item) => typeof item === 'string')) return bad(`modules.${name} is not a list of distributions`);
    checkedModules[name] = distributions;
  }
  return { lock: text('lock'), python: text('python'), stdlib: strings('stdlib'), modules: checkedModules, namespaces: strings('namespaces') };
}

/**
 * What provides `module` (dotted). Inside a namespace package the module
 * right below it decides (`airflow.providers.amazon`, not `airflow`);
 * elsewhere the top-level module does.
 */
export function providerOf(locked: LockedModules, module: string): Provider {
  const parts = module.split('.');
  const top = parts[0] ?? module;
  if (locked.stdlib.has(top)) return { kind: 'stdlib' };
  let depth = 0;
  for (let i = parts.length; i >= 1; i--) {
    if (locked.namespaces.has(parts.slice(0, i).join('.'))) {
      depth = i;
      break;
    }
  }
  if (depth === parts.length) return { kind: 'locked', distributions: locked.map.modules[module] ?? [] };
  const deciding = parts.slice(0, depth + 1).join('.');
  const distributions = locked.map.modules[deciding];
  if (distributions !== undefined || locked.namespaces.has(deciding)) return { kind: 'locked', distributions: distributions ?? [] };
  return { kind: 'missing', module: deciding };
}

/** Provider families whose module is two names deep (airflow.providers.cncf.kubernetes). */
const twoPartProviders = new Set(['apache', 'atlassian', 'cncf', 'common', 'dbt', 'microsoft']);

/** The distribution to add for a missing module, where its name tells (Airflow's providers), else null. */
export function distributionHint(module: string): string | null {
  const match = /^airflow\.providers\.([a-z0-9_]+)(?:\.([a-z0-9_]+))?/.exec(module);
  if (!match?.[1]) return null;
  const parts = twoPartProviders.has(match[1]) && match[2] ? [match[1], match[2]] : [match[1]];
  return `apache-airflow-providers-${parts.join('-').replaceAll('_', '-')}`;
}
