/**
 * A start_date computed at parse time (`datetime.now()`, `days_ago(1)`) moves
 * on every parse: runs are never due or the scheduler creates surprising ones,
 * and in Airflow 3 every parse makes a new DAG version.
 */
import type { Node } from 'web-tree-sitter';
import type { Finding } from '../../report.ts';
import type { DagModel } from '../dag-model.ts';
import { fileRule, quote } from '../rule.ts';
import { descendants, dictEntries, placeOf } from '../syntax.ts';

const movingClock = /^(datetime\.(datetime|date)\.(now|today|utcnow)|pendulum\.(now|today|yesterday|tomorrow)|pendulum\.DateTime\.(now|today|utcnow)|airflow\..*\.(days_ago|utcnow)|time\.time)$/;

export const dynamicStartDate = fileRule('dynamic-start-date', 'warning', ({ file, model }, report) => {
  const findings: Finding[] = [];
  for (const dag of model.dags) {
    for (const value of startDates(dag.keywords, model)) {
      const call = descendants(value, new Set(['call'])).find((node) => movingClock.test(model.names.callee(node) ?? ''));
      if (call) {
        findings.push(report(file, placeOf(call),
          `DAG ${quote(dag.dagId)} has a start_date computed at parse time (${call.text}): it changes on every parse; use a fixed date such as pendulum.datetime(2024, 1, 1, tz="UTC")`));
      }
    }
  }
  return findings;
});

/** The start_date argument and the one in default_args (a literal or a module-level dict). */
function startDates(keywords: Map<string, Node>, model: DagModel): Node[] {
  const values: Node[] = [];
  const direct = keywords.get('start_date');
  if (direct) values.push(direct);
  let defaults = keywords.get('default_args');
  if (defaults?.type === 'identifier') defaults = model.moduleValues.get(defaults.text);
  const fromDefaults = defaults ? dictEntries(defaults).get('start_date') : undefined;
  if (fromDefaults) values.push(fromDefaults);
  return values;
}
