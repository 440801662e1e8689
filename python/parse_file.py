"""Parses one DAG file as Airflow's dag-processor does, and says where each problem was raised.

Runs inside a child of import_worker.py, so it may leave any state behind.
The reply (a JSON-ready dict) has:

    outcome      "parsed"
    duration_s   the time Airflow took to import the file and serialize its DAGs
    dags         [{"dag_id", "tasks"}] for every DAG Airflow kept
    has_error    whether Airflow itself recorded an import error for the file
    errors       [{"message", "file", "line", "column", "dag_id", "task_id", "chain"}]
                 chain: [[file, line], ...] the dags-folder files the error passed through,
                 from the imported file (at its import line) down to the raising line
    warnings     [{"message", "file", "line", "category"}]
    inflation    Airflow's dag-version-inflation (runtime-varying value) warnings
    dependencies files of the dags folder the import loaded besides this one
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
import warnings
from pathlib import Path

MAX_MESSAGE_CHARS = 2000


class ModulesBefore:
    """The names in sys.modules at one moment, to tell which modules an import added.

    Taken in the worker just before it forks, so the child does not walk all of
    sys.modules: reading every entry changes every name's reference count,
    which copies most of the memory pages it shares with the worker."""

    def __init__(self) -> None:
        self.names = frozenset(sys.modules)
        self.last = next(reversed(sys.modules), None)

    def added(self) -> set[str]:
        # sys.modules keeps insertion order, so the names added since are the
        # ones after the last name we saw. Only code that removes entries from
        # sys.modules can break that; then the walk stops at another name or
        # the count is off, and every name is compared instead. (The one case
        # both checks pass, a removed old entry plus the last one removed and
        # put back behind a new one, would only keep a cached result until
        # the DAG file itself changes.)
        added = set()
        stopped_at = None
        for name in reversed(sys.modules):
            if name in self.names:
                stopped_at = name
                break
            added.add(name)
        if stopped_at == self.last and len(sys.modules) == len(self.names) + len(added):
            return added
        return set(sys.modules) - self.names


class ExceptionRecorder:
    """Wraps a logger Airflow calls `.exception()` on while it turns an exception into
    an import error, and keeps that exception: its traceback holds the place."""

    def __init__(self, inner, sink: list[BaseException]) -> None:
        self._inner = inner
        self._sink = sink

    def exception(self, *args, **kwargs):
        error = sys.exc_info()[1]
        if error is not None and all(error is not seen for seen in self._sink):
            self._sink.append(error)
        return self._inner.exception(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def record_import_errors() -> ExceptionRecorder:
    """Wraps the logger of Airflow's Python importer, once per process: a child
    of import_worker.py calls this before its first file, so that the wrapping
    is not taken for a change one DAG file made to the process."""
    from airflow.dag_processing.importers import python_importer

    if not isinstance(python_importer.log, ExceptionRecorder):
        python_importer.log = ExceptionRecorder(python_importer.log, [])
    return python_importer.log


def parse_file(path: str, dags_folder: str, modules_before: ModulesBefore | None = None) -> dict:
    from airflow.dag_processing.dagbag import BundleDagBag
    from airflow.dag_processing.processor import _serialize_dags
    from airflow.utils.dag_version_inflation_checker import check_dag_file_stability

    raised: list[BaseException] = []
    # The importer logs a failed import through its module logger; the DagBag
    # logs a DAG that fails validation through its own `log` property. The
    # module logger is wrapped once and for good (see record_import_errors).
    record_import_errors()._sink = raised

    class RecordingDagBag(BundleDagBag):
        @property
        def log(self):
            return ExceptionRecorder(super().log, raised)

    if modules_before is None:
        modules_before = ModulesBefore()
    try:
        stability = check_dag_file_stability(path)
        started = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            bag = RecordingDagBag(
                dag_folder=path,
                bundle_path=Path(dags_folder),
                bundle_name="dags-folder",
                load_op_links=False,
            )
            _, serialization_errors = _serialize_dags(bag, ExceptionRecorder(logging.getLogger(__name__), raised))
        duration = time.perf_counter() - started
    finally:
        record_import_errors()._sink = []
    airflow_errors = {**bag.import_errors, **serialization_errors}

    errors = [describe_error(error, path, dags_folder) for error in raised]
    if airflow_errors and not errors:
        # Airflow recorded an error without logging its exception: keep its text.
        text = "\n".join(airflow_errors.values())
        errors.append({"message": last_line(text), "file": None, "line": None, "column": None,
                       "dag_id": None, "task_id": None, "chain": []})
    return {
        "outcome": "parsed",
        "duration_s": duration,
        "dags": [{"dag_id": dag.dag_id, "tasks": len(dag.tasks)} for dag in bag.dags.values()],
        "has_error": bool(airflow_errors),
        "errors": errors,
        "warnings": [describe_warning(w, dags_folder) for w in caught],
        "inflation": [
            {"line": w.line, "column": w.col, "code": w.code, "message": w.message}
            for w in stability.warnings.values()
        ],
        "dependencies": loaded_dags_folder_files(modules_before.added(), path, dags_folder),
    }


def describe_error(error: BaseException, path: str, dags_folder: str) -> dict:
    message = f"{type(error).__name__}: {error}"[:MAX_MESSAGE_CHARS]
    file, line, column = raising_place(error, dags_folder)
    dag_id, task_id = objects_on_stack(error)
    return {"message": message, "file": file, "line": line, "column": column, "dag_id": dag_id, "task_id": task_id,
            "chain": import_chain(error, dags_folder)}


def import_chain(error: BaseException, dags_folder: str) -> list[list]:
    """Each dags-folder file on the traceback, outermost first, at the line where it
    called into the next one (its import line) or raised: DAG file -> helper -> helper."""
    chain: list[list] = []
    for frame in traceback.extract_tb(error.__traceback__):
        if not inside(frame.filename, dags_folder):
            continue
        file = os.path.realpath(frame.filename)
        if chain and chain[-1][0] == file:
            chain[-1][1] = frame.lineno
        else:
            chain.append([file, frame.lineno])
    if isinstance(error, SyntaxError) and error.filename and inside(error.filename, dags_folder):
        chain.append([os.path.realpath(error.filename), error.lineno])
    return chain


def raising_place(error: BaseException, dags_folder: str) -> tuple[str | None, int | None, int | None]:
    """The innermost place in the dags folder that raised the error."""
    if isinstance(error, SyntaxError) and error.filename and inside(error.filename, dags_folder):
        return os.path.realpath(error.filename), error.lineno, error.offset
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if inside(frame.filename, dags_folder):
            return os.path.realpath(frame.filename), frame.lineno, None
    return None, None, None


def objects_on_stack(error: BaseException) -> tuple[str | None, str | None]:
    """The DAG and task whose methods raised, for errors raised inside Airflow's own validation."""
    from airflow.sdk import DAG
    from airflow.sdk.definitions._internal.abstractoperator import AbstractOperator

    dag_id = task_id = None
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        for name in ("self", "dag", "task"):
            value = frame.f_locals.get(name)
            if dag_id is None and isinstance(value, DAG):
                dag_id = value.dag_id
            if task_id is None and isinstance(value, AbstractOperator):
                task_id = value.task_id
    return dag_id, task_id


def describe_warning(warning: warnings.WarningMessage, dags_folder: str) -> dict:
    inside_folder = inside(warning.filename, dags_folder)
    return {
        "message": str(warning.message)[:MAX_MESSAGE_CHARS],
        "category": warning.category.__name__,
        "file": os.path.realpath(warning.filename) if inside_folder else None,
        "line": warning.lineno if inside_folder else None,
    }


def loaded_dags_folder_files(module_names: set[str], path: str, dags_folder: str) -> list[str]:
    own = os.path.realpath(path)
    files = set()
    for name in module_names:
        file = getattr(sys.modules.get(name), "__file__", None)
        if file and inside(file, dags_folder) and os.path.realpath(file) != own:
            files.add(os.path.realpath(file))
    return sorted(files)


def inside(file: str, folder: str) -> bool:
    try:
        return os.path.commonpath([os.path.realpath(file), folder]) == folder
    except ValueError:
        return False


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else text)[:MAX_MESSAGE_CHARS]
