/**
 * An import that nothing the DAGs run with provides: no distribution of the
 * team's lock (requirements.modules.json beside requirements.lock), not the
 * standard library, not the dags folder's own modules. Airflow fails the file
 * with ModuleNotFoundError, or the task that imports it fails on the worker.
 * Imports in a `try` that catches ImportError, or under `if TYPE_CHECKING:`,
 * say what happens without the module and are left alone. Without a lock the
 * rule has nothing to compare with and reports nothing.
 */
import { localModules, missingDependencyMessage, missingDependencyRule, missingModule } from '../../dependencies.ts';
import { folderRule } from '../rule.ts';

export const missingDependency = folderRule(missingDependencyRule, 'error', ({ dagsFolder, files, lockedModules }, report) => {
  if (lockedModules === null) return [];
  const local = localModules(dagsFolder, lockedModules);
  return files.flatMap((facts) => facts.absoluteImports.flatMap((used) => {
    const missing = used.guarded ? null : missingModule(lockedModules, local, used.module);
    return missing === null ? [] : [report(facts.path, used.place, missingDependencyMessage(used.module, missing))];
  }));
});
