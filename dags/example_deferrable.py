"""A deferrable sensor: waits without holding a worker slot.

While it waits, the sensor is deferred to the triggerer; a worker picks the
task up again only when the time has come.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.time_delta import TimeDeltaSensor
from airflow.sdk import DAG

with DAG(
    dag_id="example_deferrable",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["example"],
):
    wait = TimeDeltaSensor(task_id="wait_five_minutes", delta=timedelta(minutes=5), deferrable=True)
    after = EmptyOperator(task_id="after_the_wait")

    wait >> after
