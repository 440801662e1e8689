/**
 * Airflow imports only files containing "airflow" and "dag" (or "asset").
 * A file without them that runs code at import, and that no other file
 * imports as a helper, is most likely a DAG file Airflow will never see.
 * An import through the dags folder's name (`dags.lib.x`) counts as an import
 * of the helper: dags-folder-in-import reports that one at the import.
 */
import { basename } from 'node:path';
import { moduleNameOf } from '../imported-modules.ts';
import { folderRule } from '../rule.ts';

export const skippedByAirflow = folderRule('skipped-by-airflow', 'warning', ({ dagsFolder, sources, files }, report) => {
  const folderNames = new Set(['dags', basename(dagsFolder)]);
  const imported = new Set(files.flatMap((file) => file.importedModules.flatMap((name) => {
    const [first, ...rest] = name.split('.');
    return first !== undefined && folderNames.has(first) && rest.length > 0 ? [name, rest.join('.')] : [name];
  })));
  const facts = new Map(files.map((file) => [file.path, file]));
  return sources
    .filter((source) => source.text !== null && !source.airflowWillImport)
    .filter((source) => facts.get(source.path)?.runsCodeAtImport && !imported.has(moduleNameOf(source.path)))
    .map((source) =>
      report(source.path, { line: 1, column: 1 },
        `Airflow never imports this file: in DAG discovery safe mode (the default) it only imports files that contain both "airflow" and "dag" (or "asset"); if it makes DAGs, import from airflow in it or mention both words in a comment; if it is a helper module, DAG files import it as \`${moduleNameOf(source.path)}\``),
    );
});
