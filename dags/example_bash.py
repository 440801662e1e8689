"""Classic operators from the standard provider: a weekday report.

Shows a templated field and explicit dependencies between operators. The
report's day is the run's logical date, or, for a run triggered by hand
(which in Airflow 3 has no logical date), the time it was triggered for:
`{{ ds }}` alone would fail to render in such a run.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.providers.standard.operators.bash import BashOperator
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

with DAG(
    dag_id="example_bash",
    schedule="0 6 * * 1-5",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["example"],
):
    start = EmptyOperator(task_id="start")
    report = BashOperator(
        task_id="report",
        bash_command='echo "report for {{ (dag_run.logical_date or dag_run.run_after) | ds }} on $(hostname)"',
    )
    done = EmptyOperator(task_id="done")

    start >> report >> done
