/**
 * What replaces each Airflow 2 name that Airflow 3 removed, for the messages
 * that name a removal: ruff's own fix text where it has one, else this table
 * (from Airflow 3's upgrade notes), so every removal finding says what to
 * write instead.
 */

/** Removals ruff reports without a fix, by the name in its message. */
const ruffWithoutFix: Record<string, string> = {
  'airflow.utils.dates.days_ago': 'use a fixed date such as pendulum.datetime(2024, 1, 1, tz="UTC")',
  'airflow.utils.dates.date_range': 'build the dates with pendulum (pendulum.interval(start, end).range("days"))',
  'airflow.operators.subdag.SubDagOperator': 'group the tasks with a TaskGroup (airflow.sdk.TaskGroup)',
  'airflow.triggers.external_task.TaskStateTrigger': 'use WorkflowTrigger from airflow.providers.standard.triggers.external_task',
  'airflow.api_connexion.security.requires_access': 'no replacement: Airflow 3 has no Flask web server (its API server checks access through the auth manager)',
  'airflow.www.auth.has_access': 'no replacement: Airflow 3 has no Flask web server (its API server checks access through the auth manager)',
  provide_context: 'delete the argument (Airflow 3 always passes the context to the callable)',
  default_view: 'delete the argument (the UI chooses the view)',
  orientation: 'delete the argument (the graph view sets its own orientation)',
};

/** A ruff message with what replaces the removed name appended. */
export function withReplacement(message: string, fix: string | null): string {
  const text = message.trim().replace(/;$/, '');
  const name = /^`([^`]+)` is (?:removed|moved)/.exec(text)?.[1];
  const advice = fix ?? (name === undefined ? undefined : ruffWithoutFix[name]);
  if (advice === undefined) return text;
  const lowered = /^(Use|Install|Import) /.test(advice) ? advice[0]?.toLowerCase() + advice.slice(1) : advice;
  return text.endsWith('.') ? `${text} ${advice}` : `${text}: ${lowered}`;
}
