"""Renders a DAG's templates the way Airflow 3's task runner does, for one run
with a logical date (a scheduled run) and one without (a run triggered through
the REST API or the CLI, Airflow 3's default), and reports per task and per
extra template whether rendering worked or the error it raised.

usage: render_templates.py <templates.json> <dag file>... <output.json>

Output: {"files": {<dag file>: {<task_id>: rendered}}, "templates": {<template>: rendered}},
each `rendered` being {"with": outcome, "without": outcome}; the templates are
rendered as a task of the first DAG file's DAG.

It builds the run context Airflow's API server hands a worker (TIRunContext)
and calls the task runner's own render_templates; no database, scheduler or
API server runs, so nothing that needs them (Variables, XComs) is rendered.
"""

import copy
import json
import sys
import uuid
from datetime import datetime, timedelta, timezone

from airflow.dag_processing.dagbag import DagBag
from airflow.sdk.api.datamodels._generated import DagRun, DagRunState, DagRunType, TIRunContext
from airflow.sdk.bases.operator import BaseOperator
from airflow.sdk.execution_time.task_runner import RuntimeTaskInstance

RUN_AFTER = datetime(2026, 3, 2, 6, 0, tzinfo=timezone.utc)


def run_context(dag_id, with_logical_date):
    logical = RUN_AFTER - timedelta(days=1) if with_logical_date else None
    return TIRunContext(
        dag_run=DagRun(
            dag_id=dag_id,
            run_id="scheduled__x" if with_logical_date else "manual__x",
            logical_date=logical,
            data_interval_start=logical,
            data_interval_end=RUN_AFTER if with_logical_date else None,
            run_after=RUN_AFTER,
            start_date=RUN_AFTER,
            end_date=None,
            run_type=DagRunType.SCHEDULED if with_logical_date else DagRunType.MANUAL,
            state=DagRunState.RUNNING,
            consumed_asset_events=[],
            partition_key=None,
        ),
        max_tries=0,
    )


def render(original, with_logical_date):
    # Rendering writes the rendered values onto the task: render a copy.
    task = copy.copy(original)
    ti = RuntimeTaskInstance.model_construct(
        id=uuid.uuid4(), task_id=task.task_id, dag_id=task.dag_id, run_id="x", try_number=1,
        dag_version_id=uuid.uuid4(), map_index=-1, task=task, start_date=RUN_AFTER, max_tries=0,
        _ti_context_from_server=run_context(task.dag_id, with_logical_date),
    )
    ti._ti_context_from_server = run_context(task.dag_id, with_logical_date)
    try:
        ti.render_templates()
        return {"ok": True, "fields": {name: str(getattr(ti.task, name)) for name in task.template_fields}}
    except Exception as error:  # the outcome is what the test reads
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}


def load_dag(dag_file):
    bag = DagBag(dag_folder=dag_file)
    if bag.import_errors:
        raise SystemExit(f"import errors: {bag.import_errors}")
    return next(iter(bag.dags.values()))


def main():
    templates_file, dag_files, output = sys.argv[1], sys.argv[2:-1], sys.argv[-1]
    dags = [load_dag(dag_file) for dag_file in dag_files]
    result = {"files": {}, "templates": {}}
    for dag_file, dag in zip(dag_files, dags):
        result["files"][dag_file] = {
            task.task_id: {"with": render(task, True), "without": render(task, False)} for task in dag.tasks
        }
    with open(templates_file, encoding="utf-8") as handle:
        templates = json.load(handle)
    dag = dags[0]
    for index, template in enumerate(templates):
        probe = BaseOperator(task_id=f"template_{index}", dag=dag)
        probe.template_fields = ("doc",)
        probe.doc = template
        result["templates"][template] = {"with": render(probe, True), "without": render(probe, False)}
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
