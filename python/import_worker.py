"""Imports DAG files with the real Airflow, each file in a process of its own.

Started by src/dags/imports/worker.ts as

    python import_worker.py <dags folder> <timeout seconds> <parallel imports>

It reads one request per line on stdin, {"id": 1, "file": "/abs/dags/x.py"},
and writes one reply per line on file descriptor 3 (stdout belongs to whatever
the DAG code prints), in the order the imports finish. The first line on fd 3
is {"ready": true, ...}.

Why a forking worker: importing Airflow takes seconds, a DAG file usually
milliseconds. The worker imports Airflow once, then forks a child per file; the
child is a separate process as far as the DAG code can tell (sys.exit, a hang,
a segfault or changed globals end with it), and starts in milliseconds. Up
to <parallel imports> children run at once: one Airflow process serves every
core, where a worker per core would import Airflow once per core.

The child parses the file the way Airflow's dag-processor does
(airflow/dag_processing/processor.py): the stability check, a BundleDagBag
over the one file with the dags folder as bundle path (so helper modules
import), and the serialization of every DAG it found. Airflow's own messages
are kept; this module adds the place (file, line) each error was raised.
"""

from __future__ import annotations

import gc
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time

from parse_file import ModulesBefore

# Seconds a child may outlive Airflow's own import timeout (SIGALRM) before it
# is killed: code blocked in C never sees the alarm.
KILL_GRACE_SECONDS = 5.0
# A reply is a summary, not a log: keep messages and tracebacks short.
MAX_MESSAGE_CHARS = 2000
MAX_TRACEBACK_CHARS = 6000


def main() -> int:
    dags_folder = os.path.realpath(sys.argv[1])
    timeout = float(sys.argv[2])
    parallel = max(1, int(sys.argv[3])) if len(sys.argv) > 3 else 1
    replies = os.fdopen(3, "w", buffering=1, encoding="utf-8")
    airflow_version = preload()
    warm_up()
    forget_database()
    # Objects that exist now are never collected in a child: freezing them
    # keeps the child's garbage collector from touching (and so copying)
    # every page it shares with this process.
    gc.freeze()
    replies.write(json.dumps({"ready": True, "airflow": airflow_version, "python": sys.version.split()[0]}) + "\n")
    serve(Requests(sys.stdin.fileno()), replies, dags_folder, timeout, parallel)
    reap(block=True)
    return 0


class Requests:
    """Request lines from a file descriptor, read without blocking the imports."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.open = True
        self.buffer = b""
        self.waiting: list[dict] = []

    def read(self) -> None:
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.open = False
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        if not self.open and self.buffer:
            lines.append(self.buffer)
        self.waiting.extend(json.loads(line) for line in lines if line.strip())


def serve(requests: Requests, replies, dags_folder: str, timeout: float, parallel: int) -> None:
    """Imports each requested file in a child of its own, up to `parallel` at once."""
    running: dict[int, Child] = {}  # by the read end of the child's pipe
    while requests.open or requests.waiting or running:
        while requests.waiting and len(running) < parallel:
            request = requests.waiting.pop(0)
            child = start_child(request["id"], request["file"], dags_folder, timeout)
            running[child.read_fd] = child
        watched = list(running) + ([requests.fd] if requests.open else [])
        deadline = min((child.deadline for child in running.values()), default=None)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        readable, _, _ = select.select(watched, [], [], wait)
        for fd in readable:
            if fd == requests.fd:
                requests.read()
                continue
            child = running[fd]
            chunk = os.read(fd, 1 << 16)
            if chunk:
                child.chunks.append(chunk)
                continue
            del running[fd]
            replies.write(json.dumps(child.finish()) + "\n")
        now = time.monotonic()
        for fd, child in list(running.items()):
            if child.deadline <= now:
                del running[fd]
                replies.write(json.dumps(child.kill()) + "\n")


def preload() -> str:
    """Import once, in the parent, what nearly every DAG file imports."""
    import airflow
    import airflow.dag_processing.dagbag  # noqa: F401
    import airflow.dag_processing.processor  # noqa: F401
    import airflow.sdk  # noqa: F401
    import airflow.utils.dag_version_inflation_checker  # noqa: F401

    for module in (
        "airflow.providers.standard.operators.bash",
        "airflow.providers.standard.operators.empty",
        "airflow.providers.standard.operators.python",
        "airflow.providers.standard.sensors.time_delta",
    ):
        try:
            __import__(module)
        except Exception:  # a missing provider only costs time, the child reports the real error
            pass
    return airflow.__version__


WARM_UP_DAG = '''
import pendulum
from airflow.sdk import DAG, dag, task, TaskGroup
from airflow.providers.standard.operators.bash import BashOperator
from airflow.providers.standard.operators.empty import EmptyOperator

@dag(schedule="@daily", start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
def warm_up_taskflow():
    @task
    def one() -> int:
        return 1
    @task
    def two(value: int) -> None:
        print(value)
    two(one())

warm_up_taskflow()

with DAG("warm_up_classic", schedule="0 3 * * *", start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):
    with TaskGroup("group"):
        EmptyOperator(task_id="a") >> BashOperator(task_id="b", bash_command="echo {{ ds }}")
'''


def warm_up() -> None:
    """Parse one small DAG here, once, so that what Airflow sets up lazily on
    its first parse (serialization, providers, templates) is set up before the
    fork instead of again in every child."""
    from parse_file import parse_file

    folder = tempfile.mkdtemp(prefix="airflow-gitops-warm-up-")
    path = os.path.join(folder, "warm_up_dag.py")
    with open(path, "w") as file:
        file.write(WARM_UP_DAG)
    modules_before = set(sys.modules)
    try:
        parse_file(path, os.path.realpath(folder))
    finally:
        for name in set(sys.modules) - modules_before:
            if getattr(sys.modules[name], "__file__", "") == path:
                del sys.modules[name]
        sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry) != os.path.realpath(folder)]
        shutil.rmtree(folder, ignore_errors=True)


def forget_database() -> None:
    """Drop the database engine Airflow set up on import. Parsing needs no
    database (the dag-processor's parsing processes get none), and while an
    engine exists, Airflow's fork handler rebuilds its pool in every child:
    a few milliseconds per file for nothing."""
    from airflow import settings

    settings.dispose_orm(do_log=False)


def pre_import_airflow_modules(path: str) -> None:
    """What the dag-processor does before it forks a parsing process: import
    the airflow.* modules the file imports, once, in the parent."""
    import logging

    from airflow.dag_processing.processor import _pre_import_airflow_modules

    try:
        _pre_import_airflow_modules(path, logging.getLogger(__name__))
    except Exception:  # the child reports the real error
        pass


# Children that sent their reply but may not have exited yet: reaped later,
# so the reply goes out while the child's memory is still being torn down.
exiting: list[int] = []


class Child:
    """One forked import: its pipe, what it sent so far, and when to give up on it."""

    def __init__(self, request_id: int, pid: int, read_fd: int, timeout: float) -> None:
        self.request_id = request_id
        self.pid = pid
        self.read_fd = read_fd
        self.started = time.monotonic()
        self.deadline = self.started + timeout + KILL_GRACE_SECONDS
        self.chunks: list[bytes] = []

    def finish(self) -> dict:
        """The reply, once the child closed its pipe."""
        os.close(self.read_fd)
        payload = b"".join(self.chunks)
        if not payload:
            _, status = os.waitpid(self.pid, 0)
            reply = {"outcome": "died", "how": describe_exit(status), "duration_s": time.monotonic() - self.started}
        else:
            exiting.append(self.pid)
            reply = json.loads(payload)
        reply["id"] = self.request_id
        return reply

    def kill(self) -> dict:
        os.close(self.read_fd)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return {"outcome": "timeout", "duration_s": time.monotonic() - self.started, "id": self.request_id}


_snapshot: ModulesBefore | None = None


def module_snapshot() -> ModulesBefore:
    """sys.modules as it is now, taken again only when imports in this process
    changed it. Taking it changes the reference count of every module name, and
    after each fork the first write to a page faults (and copies the page while
    a child still shares it): about a thousand faults per file, for nothing."""
    global _snapshot
    if _snapshot is None or len(_snapshot.names) != len(sys.modules) or _snapshot.last != next(reversed(sys.modules), None):
        _snapshot = ModulesBefore()
    return _snapshot


def start_child(request_id: int, path: str, dags_folder: str, timeout: float) -> Child:
    pre_import_airflow_modules(path)
    reap(block=False)
    modules_before = module_snapshot()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        run_child(path, dags_folder, write_fd, modules_before)
    os.close(write_fd)
    return Child(request_id, pid, read_fd, timeout)


def reap(block: bool) -> None:
    """Collects the children that have exited (all of them, if `block`)."""
    for pid in list(exiting):
        done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        if done:
            exiting.remove(pid)


def describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return f"killed by signal {signal.Signals(number).name}"
    return f"exited with status {os.WEXITSTATUS(status)} before reporting"


def run_child(path: str, dags_folder: str, write_fd: int, modules_before: ModulesBefore) -> None:
    """Never returns: the child reports on write_fd and exits."""
    # The child lives for one import: collecting garbage would only cost time.
    gc.disable()
    # The DAG code must not read our requests nor write into our replies.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    try:
        os.close(3)
    except OSError:
        pass
    try:
        from parse_file import parse_file

        reply = parse_file(path, dags_folder, modules_before)
    except BaseException as error:  # the reply must get out whatever happened
        reply = {"outcome": "crashed", "message": f"{type(error).__name__}: {error}"[:MAX_MESSAGE_CHARS]}
    data = json.dumps(reply, default=str).encode("utf-8")
    view = memoryview(data)
    while view:
        written = os.write(write_fd, view)
        view = view[written:]
    # Closing the pipe here, not at exit, lets the worker read the end of the
    # reply before the kernel has torn down this process's memory.
    os.close(write_fd)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
