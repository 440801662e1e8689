/**
 * A helper imported through the dags folder's own name (`from dags.lib.notify
 * import send`). Airflow puts the dags folder itself on sys.path, not its
 * parent, so the import fails with "No module named 'dags'"; the module is
 * importable as `lib.notify`. The message gives the import that works.
 */
import { basename } from 'node:path';
import { moduleNameOf } from '../imported-modules.ts';
import { folderRule } from '../rule.ts';

export const dagsFolderInImport = folderRule('dags-folder-in-import', 'error', ({ dagsFolder, sources, files }, report) => {
  // Every module and package a file of the folder makes importable.
  const modules = new Set<string>();
  for (const source of sources) {
    const parts = moduleNameOf(source.path).split('.');
    for (let i = 1; i <= parts.length; i++) modules.add(parts.slice(0, i).join('.'));
  }
  const folderNames = new Set(['dags', basename(dagsFolder)]);
  return files.flatMap((facts) => facts.absoluteImports.flatMap((used) => {
    const [first, ...rest] = used.module.split('.');
    const working = rest.join('.');
    if (first === undefined || !folderNames.has(first) || modules.has(first) || !modules.has(working)) return [];
    const fixed = used.statement.replace(used.module, working);
    return [report(facts.path, used.place,
      `\`${used.module}\` cannot be imported: Airflow puts the dags folder itself on sys.path, not its parent, so the import fails with "No module named '${first}'"; write \`${fixed}\``)];
  }));
});
