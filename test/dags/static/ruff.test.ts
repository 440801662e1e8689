/**
 * ruff's Airflow 3 findings carry what replaces the removed name: ruff's own
 * fix text where it has one, else the project's table (replacements.ts).
 */
import { describe, expect, it } from 'vitest';
import { ruffFindings } from '../../../src/dags/static/ruff.ts';

const dagFile = `from airflow.sdk import DAG
from airflow.utils.dates import days_ago
from airflow.utils.helpers import chain
from airflow.operators.subdag import SubDagOperator
from airflow.providers.standard.operators.python import PythonOperator

with DAG(dag_id="old", schedule_interval="@daily", start_date=days_ago(1), fail_stop=True, default_view="grid"):
    PythonOperator(task_id="p", python_callable=print, provide_context=True)
    SubDagOperator(task_id="s")
chain()
`;

describe('ruff findings of removed Airflow APIs', () => {
  const removals = ruffFindings('old.py', dagFile).filter((finding) => finding.rule === 'airflow3-removal');
  const messageAbout = (name: string) => removals.find((finding) => finding.message.startsWith(`\`${name}\``))?.message;

  it('say what replaces each removed name', () => {
    expect(removals.length).toBeGreaterThanOrEqual(7);
    for (const finding of removals) expect(finding.message).toMatch(/is removed in Airflow 3\.0(: |\. )\S/);
  });

  it("use ruff's fix text, and the table where ruff has none", () => {
    expect(messageAbout('schedule_interval')).toBe('`schedule_interval` is removed in Airflow 3.0: use `schedule` instead');
    expect(messageAbout('fail_stop')).toBe('`fail_stop` is removed in Airflow 3.0: use `fail_fast` instead');
    expect(messageAbout('airflow.utils.dates.days_ago')).toMatch(/: use a fixed date such as pendulum\.datetime\(2024, 1, 1, tz="UTC"\)$/);
    expect(messageAbout('provide_context')).toMatch(/: delete the argument \(Airflow 3 always passes the context to the callable\)$/);
    expect(messageAbout('airflow.operators.subdag.SubDagOperator')).toMatch(/: group the tasks with a TaskGroup/);
    expect(messageAbout('default_view')).toMatch(/: delete the argument/);
  });
});
