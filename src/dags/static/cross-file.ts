/**
 * Checks that need every file at once: dag_ids that repeat across files (or
 * in a loop), and DAG files Airflow's safe mode will silently never import.
 */
import type { Finding } from '../report.ts';
import type { Source } from '../source.ts';
import type { DagIdSite, FileFacts } from './check-file.ts';
import { moduleNameOf } from './imported-modules.ts';
import { finding } from './rules/finding.ts';

export function duplicateDagIds(files: FileFacts[]): Finding[] {
  const sites = new Map<string, { path: string; site: DagIdSite }[]>();
  for (const file of files) {
    for (const site of file.dagIds) sites.set(site.dagId, [...(sites.get(site.dagId) ?? []), { path: file.path, site }]);
  }
  const findings: Finding[] = [];
  for (const [dagId, all] of sites) {
    const [first, ...others] = all;
    if (!first) continue;
    for (const { path, site } of others) {
      const where = path === first.path ? `at line ${first.site.place.line}` : `in ${first.path}:${first.site.place.line}`;
      findings.push(finding(path, site.place, 'error', 'duplicate-dag-id',
        `dag_id '${dagId}' is also defined ${where}: Airflow keeps one of them and the other disappears`));
    }
    if (others.length === 0 && first.site.repeated) {
      findings.push(finding(first.path, first.site.place, 'error', 'duplicate-dag-id',
        `dag_id '${dagId}' is created on every pass of a loop: each DAG replaces the previous one; build the id from the loop variable`));
    }
  }
  return findings;
}

/**
 * Airflow imports only files containing "airflow" and "dag" (or "asset").
 * A file without them that runs code at import, and that no other file
 * imports as a helper, is most likely a DAG file Airflow will never see.
 */
export function filesAirflowSkips(sources: Source[], files: FileFacts[]): Finding[] {
  const imported = new Set(files.flatMap((file) => file.importedModules));
  const facts = new Map(files.map((file) => [file.path, file]));
  return sources
    .filter((source) => source.text !== null && !source.airflowWillImport)
    .filter((source) => facts.get(source.path)?.runsCodeAtImport && !imported.has(moduleNameOf(source.path)))
    .map((source) =>
      finding(source.path, { line: 1, column: 1 }, 'warning', 'skipped-by-airflow',
        'Airflow never imports this file: in DAG discovery safe mode (the default) it only imports files that contain both "airflow" and "dag" (or "asset"); if it makes DAGs, import from airflow in it or mention both words in a comment'),
    );
}
