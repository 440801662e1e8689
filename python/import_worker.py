"""Imports DAG files with the real Airflow, each file in a process of its own.

Started by src/dags/imports/worker.ts as

    python import_worker.py <dags folder> <timeout seconds> <parallel imports>

It reads one request per line on stdin, {"id": 1, "file": "/abs/dags/x.py"},
and writes one reply per line on file descriptor 3 (stdout belongs to whatever
the DAG code prints), in the order the imports finish. The first line on fd 3
is {"ready": true, ...}.

Why a forking worker: importing Airflow takes seconds, a DAG file usually
milliseconds. The worker imports Airflow once, then forks up to <parallel
imports> children; each imports the files it is sent one after the other.
A child is a separate process as far as the DAG code can tell: a hang (killed
after the timeout), sys.exit, os._exit or a segfault ends with it, and that
file alone is reported. After each file the child forgets the dags folder's
modules and compares the process with how it was before its first file (see
process_state.py); a file that changed it ends its child, so the next file
gets a fresh one. Forking a child per file instead costs about 20 ms of system
time per file (page tables and copied pages of a 126 MB process), more than
most imports.

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

import process_state

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
    airflow_version = prepare()
    replies.write(json.dumps({"ready": True, "airflow": airflow_version, "python": sys.version.split()[0]}) + "\n")
    serve(Requests(sys.stdin.fileno()), replies, dags_folder, timeout, parallel)
    reap()
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


def serve(requests: Requests, replies, dags_folder: str, timeout: float, parallel: int, own_fds: tuple[int, ...] = (), environ: dict | None = None, started: list["Child"] = ()) -> None:
    """Hands each requested file to an idle child, forking children as needed, up to `parallel`.
    `own_fds`: descriptors of this process that a child must not keep open (import_server.py's sockets).
    `environ`: variables a child sets (a value) or removes (None) before its first file.
    `started`: children forked before (import_server.py's spare), already told `environ`.
    Returns when the requests have ended and every file is answered; on an error (the
    reader of the replies went away), the children still importing are killed."""
    children: dict[int, Child] = {child.read_fd: child for child in started}  # by the read end of the child's reply pipe
    try:
        serve_children(children, requests, replies, dags_folder, timeout, parallel, own_fds, environ or {})
    finally:
        for child in children.values():
            if child.busy and not child.gone:
                child.kill()
            child.close()


def serve_children(children: dict, requests: Requests, replies, dags_folder: str, timeout: float, parallel: int, own_fds: tuple[int, ...], environ: dict) -> None:
    while requests.open or requests.waiting or any(child.busy for child in children.values()):
        for child in children.values():
            if not requests.waiting:
                break
            if child.idle:
                child.send(requests.waiting, timeout)
        while requests.waiting and sum(not child.retiring for child in children.values()) < parallel:
            child = start_child(dags_folder, [fd for other in children.values() for fd in other.fds()] + list(own_fds), environ)
            children[child.read_fd] = child
            child.send(requests.waiting, timeout)
        watched = list(children) + ([requests.fd] if requests.open else [])
        deadline = min((child.deadline for child in children.values() if child.busy), default=None)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        readable, _, _ = select.select(watched, [], [], wait)
        for fd in readable:
            if fd == requests.fd:
                requests.read()
                continue
            for reply in children[fd].receive():
                replies.write(json.dumps(reply) + "\n")
            if children[fd].gone:
                del children[fd]
        now = time.monotonic()
        for fd, child in list(children.items()):
            if child.busy and child.deadline <= now:
                del children[fd]
                replies.write(json.dumps(child.kill()) + "\n")


def prepare() -> str:
    """Everything this process does once before it forks children: Airflow
    imported, one DAG parsed, the database engine dropped, modules watched.
    Returns Airflow's version."""
    # Importing Airflow makes about a million objects, and every few thousand
    # new ones the collector walks them all again: a quarter of the import
    # time. Nothing made here is garbage worth collecting before the freeze.
    gc.disable()
    try:
        airflow_version = preload()
        warm_up()
        forget_database()
        process_state.watch_modules()
    finally:
        gc.enable()
    # Objects that exist now are never collected in a child: freezing them
    # keeps the child's garbage collector from touching (and so copying)
    # every page it shares with this process.
    gc.freeze()
    return airflow_version


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


class Child:
    """One forked child that imports the files it is sent one at a time, until one
    of them misbehaves (it then exits, or is killed) or the worker closes its pipe."""

    def __init__(self, pid: int, write_fd: int, read_fd: int) -> None:
        self.pid = pid
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.request_id: int | None = None
        self.started = 0.0
        self.deadline = 0.0
        self.buffer = b""
        self.gone = False
        self.retiring = False

    @property
    def busy(self) -> bool:
        return self.request_id is not None

    @property
    def idle(self) -> bool:
        return self.request_id is None and not self.retiring

    def fds(self) -> list[int]:
        return [self.write_fd, self.read_fd]

    def begin(self, environ: dict) -> None:
        """Tells the child the run's variables, which it sets before its first file."""
        try:
            os.write(self.write_fd, json.dumps(environ).encode("utf-8") + b"\n")
        except BrokenPipeError:
            self.retiring = True  # the end of its pipe removes it

    def send(self, waiting: list[dict], timeout: float) -> None:
        """Sends the first waiting request; one that a dead child cannot take stays first in line."""
        request = waiting[0]
        try:
            os.write(self.write_fd, request["file"].encode("utf-8") + b"\n")
        except BrokenPipeError:
            self.retiring = True  # the end of its pipe removes it
            return
        waiting.pop(0)
        self.request_id = request["id"]
        self.started = time.monotonic()
        self.deadline = self.started + timeout + KILL_GRACE_SECONDS

    def receive(self) -> list[dict]:
        """The replies complete so far; at the end of the pipe, the file it died on."""
        chunk = os.read(self.read_fd, 1 << 16)
        replies = []
        if chunk:
            self.buffer += chunk
            *lines, self.buffer = self.buffer.split(b"\n")
            for line in lines:
                reply = json.loads(line)
                reply["id"] = self.request_id
                self.request_id = None
                # The child changed for good while importing that file, and exits.
                self.retiring = reply.pop("retiring", None) is not None
                replies.append(reply)
            return replies
        self.close()
        _, status = os.waitpid(self.pid, 0)
        if self.busy:
            how = describe_exit(status)
            replies.append({"outcome": "died", "how": how, "duration_s": time.monotonic() - self.started, "id": self.request_id})
            self.request_id = None
        return replies

    def kill(self) -> dict:
        os.kill(self.pid, signal.SIGKILL)
        self.close()
        os.waitpid(self.pid, 0)
        return {"outcome": "timeout", "duration_s": time.monotonic() - self.started, "id": self.request_id}

    def close(self) -> None:
        """Closing the request pipe ends an idle child's loop; the worker reaps it at exit."""
        if not self.gone:
            self.gone = True
            os.close(self.write_fd)
            os.close(self.read_fd)


def start_child(dags_folder: str, parent_fds: list[int], environ: dict | None = None, spare: bool = False) -> Child:
    """Forks a child that imports the files written to its pipe. A spare
    (import_server.py's, forked between runs) warms up and waits for its
    run's variables; any other child is told `environ` now."""
    request_read, request_write = os.pipe()
    reply_read, reply_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The other children's pipes stay theirs: holding them open here would
        # keep those children from ever seeing the end of their requests.
        for fd in parent_fds + [request_write, reply_read]:
            os.close(fd)
        run_child(dags_folder, request_read, reply_write, spare)
    os.close(request_read)
    os.close(reply_write)
    child = Child(pid, request_write, reply_read)
    if not spare:
        child.begin(environ or {})
    return child


def reap() -> None:
    """Collects every child that has exited or is about to."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return f"killed by signal {signal.Signals(number).name}"
    return f"exited with status {os.WEXITSTATUS(status)} before reporting"


def run_child(dags_folder: str, request_fd: int, reply_fd: int, spare: bool) -> None:
    """Never returns: reads the run's variables, then imports each path read
    from request_fd, replies on reply_fd, and exits when the requests end or
    an import changed the process for good."""
    # The DAG code must not read our requests nor write into our replies.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    try:
        os.close(3)
    except OSError:
        pass
    from parse_file import ModulesBefore, parse_file, record_import_errors

    if spare:
        # A child's first import copies the pages of this process it writes
        # to (reference counts, caches): about 15 ms that a spare pays while
        # it waits, not while a run waits for its reply. Its own snapshot is
        # taken afterwards, as a child's is before its first file.
        warm_up()
    requests = os.fdopen(request_fd, "rb")
    first = requests.readline()
    if not first:
        os._exit(0)
    # The run's own values of the shell's bookkeeping variables (import_server.py).
    for name, value in json.loads(first).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    record_import_errors()

    # BundleDagBag puts the dags folder on the import path for good: do it
    # before the snapshot, so that is not taken for a change.
    if dags_folder not in sys.path:
        sys.path.append(dags_folder)
    state = process_state.Snapshot(dags_folder)
    for line in requests:
        path = line.decode("utf-8").rstrip("\n")
        # A long-lived child (validate --watch) must see helper modules added or renamed since its last file.
        for entry, finder in list(sys.path_importer_cache.items()):
            if finder is not None and entry.startswith(dags_folder):
                finder.invalidate_caches()
        try:
            reply = parse_file(path, dags_folder, ModulesBefore())
        except BaseException as error:  # the reply must get out whatever happened
            reply = {"outcome": "crashed", "message": f"{type(error).__name__}: {error}"[:MAX_MESSAGE_CHARS]}
        state.forget_dags_folder_modules()
        changed = state.difference()
        if changed is not None:
            reply["retiring"] = changed
        write_all(reply_fd, json.dumps(reply, default=str).encode("utf-8") + b"\n")
        if changed is not None:
            if os.environ.get("AIRFLOW_GITOPS_DEBUG_STATE"):
                with open(os.environ["AIRFLOW_GITOPS_DEBUG_STATE"], "a") as log:
                    log.write(f"{path}: {changed}\n")
            break
    os.close(reply_fd)
    os._exit(0)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


if __name__ == "__main__":
    sys.exit(main())
