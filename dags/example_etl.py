"""Extract, transform and load a day of orders with the TaskFlow API.

Each task passes its result to the next through XCom; the DAG runs once a
day and does not backfill the days before it was deployed.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from airflow.sdk import dag, task

log = logging.getLogger(__name__)


@dag(
    dag_id="example_etl",
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["example"],
)
def example_etl() -> None:
    @task
    def extract() -> list[dict[str, int]]:
        # A real pipeline would read from an API or a database here, inside
        # the task, never at the top of the file.
        return [
            {"order_id": 1, "amount_cents": 1250},
            {"order_id": 2, "amount_cents": 4990},
            {"order_id": 3, "amount_cents": 320},
        ]

    @task
    def transform(orders: list[dict[str, int]]) -> dict[str, int]:
        return {
            "orders": len(orders),
            "total_cents": sum(order["amount_cents"] for order in orders),
        }

    @task
    def load(summary: dict[str, int]) -> None:
        log.info("%d orders, %d cents in total", summary["orders"], summary["total_cents"])

    load(transform(extract()))


example_etl()
