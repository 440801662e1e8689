/**
 * A dag_id defined twice, in two files or on every pass of a loop: Airflow
 * keeps one of the DAGs and the other disappears. Needs every file at once.
 */
import type { Finding } from '../../report.ts';
import type { DagIdSite } from '../facts.ts';
import { folderRule } from '../rule.ts';

export const duplicateDagId = folderRule('duplicate-dag-id', 'error', ({ files }, report) => {
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
      findings.push(report(path, site.place, `dag_id '${dagId}' is also defined ${where}: Airflow keeps one of them and the other disappears`));
    }
    if (others.length === 0 && first.site.repeated) {
      findings.push(report(first.path, first.site.place,
        `dag_id '${dagId}' is created on every pass of a loop: each DAG replaces the previous one; build the id from the loop variable`));
    }
  }
  return findings;
});
