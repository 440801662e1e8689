"""Data-aware scheduling: one DAG produces an asset, another consumes it.

The consumer has no time schedule: it runs each time the producer's task
that lists the asset in its outlets succeeds.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import Asset, dag, task

daily_orders = Asset("example_daily_orders")


@dag(
    dag_id="example_assets_producer",
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["example"],
)
def example_assets_producer() -> None:
    @task(outlets=[daily_orders])
    def publish_orders() -> int:
        return 3

    publish_orders()


@dag(
    dag_id="example_assets_consumer",
    schedule=[daily_orders],
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["example"],
)
def example_assets_consumer() -> None:
    @task
    def summarize() -> str:
        return "orders were published"

    summarize()


example_assets_producer()
example_assets_consumer()
