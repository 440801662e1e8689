"""Keeps Airflow imported between runs of `validate --import`: a fork server.

Started by src/dags/imports/server.ts, detached, as

    python import_server.py <dags folder> <timeout seconds> <parallel imports> <socket>

with its key as the first line on stdin. It prepares itself as import_worker.py does (Airflow imported, a DAG parsed
once, the database engine dropped), says {"ready": true} on file descriptor 3,
then listens on the Unix socket <socket>. Each connection is one run: a first
line {"key": ..., "environ": {...}} (environ: the run's values of the few
variables left out of the key, which its children set) followed by the
requests, as with import_worker.py; the server answers {"ready": true} or
{"stale": why}, then the replies. Every run gets children forked afresh from
this process, which itself never imports a DAG file: a run sees what a worker
started for it would see. One of them, the spare, is forked before the run
and warms up on a DAG of its own while the server waits (see
import_worker.run_child), so that a run of one changed file does not wait
for a fork and a cold child.

Why it can neither serve stale results nor outlive its use:
- <key> is a digest of everything the replies depend on besides the files
  (interpreter, installed packages, helper scripts, environment, working
  folder, dags folder, timeout): a run with another key gets "stale".
- Before each run it compares the size and modification time of every module
  file it has loaded and of the site-packages folders with those at start; a
  difference (a package installed, upgraded, edited) ends the server.
- It exits after IDLE_SECONDS without a run, when its socket file is removed
  or replaced (its cache folder deleted), and when asked to stop.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import sys
import time

import import_worker

IDLE_SECONDS = 600.0
# How often an idle server looks at its socket file.
CHECK_SECONDS = 2.0


def main() -> int:
    dags_folder = os.path.realpath(sys.argv[1])
    timeout = float(sys.argv[2])
    parallel = max(1, int(sys.argv[3]))
    path = sys.argv[4]
    # On stdin rather than argv: the key is a digest of the environment, which ps need not show.
    key = sys.stdin.readline().strip()
    announce = os.fdopen(3, "w", buffering=1, encoding="utf-8")
    airflow_version = import_worker.prepare()
    files = LoadedFiles()
    listener = Listener(path)
    announce.write(json.dumps({"ready": True, "airflow": airflow_version, "pid": os.getpid()}) + "\n")
    announce.close()
    # Detached from the run that started it: nothing more to say on its pipes.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    try:
        accept_runs(listener, key, files, dags_folder, timeout, parallel)
    finally:
        end(listener)
    return 0


def end(listener: "Listener", connection: socket.socket | None = None) -> None:
    """Leaves nothing behind, then exits: the socket file and the private AIRFLOW_HOME
    go before the connection that asked closes, so that its run finds neither."""
    listener.close()
    shutil.rmtree(os.environ.get("AIRFLOW_HOME", ""), ignore_errors=True)
    if connection is not None:
        connection.close()
    # Tearing down the interpreter and its hundred megabytes of objects helps nobody.
    os._exit(0)


class Listener:
    """The listening socket at its path; a file left there by a server that died is replaced."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        self.socket.bind(path)
        os.chmod(path, 0o600)
        self.socket.listen(8)
        # The file's identity: another server binding the same path replaces it.
        self.inode = os.stat(path).st_ino

    def still_ours(self) -> bool:
        """Whether the path still names this socket (not removed, not taken by another server)."""
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def close(self) -> None:
        if self.still_ours():
            os.unlink(self.path)
        self.socket.close()


def accept_runs(listener: Listener, key: str, files: "LoadedFiles", dags_folder: str, timeout: float, parallel: int) -> None:
    last_run = time.monotonic()
    while time.monotonic() - last_run < IDLE_SECONDS:
        # A child forked and warmed up while no run waits, for the next run's first file.
        spare = import_worker.start_child(dags_folder, [listener.socket.fileno()], spare=True)
        readable: list = []
        while not readable and time.monotonic() - last_run < IDLE_SECONDS:
            readable, _, _ = select.select([listener.socket], [], [], CHECK_SECONDS)
            if not listener.still_ours():
                return
        if not readable:
            return
        connection, _ = listener.socket.accept()
        with connection:
            run(connection, listener, key, files, dags_folder, timeout, parallel, spare)
        last_run = time.monotonic()


def run(connection: socket.socket, listener: Listener, key: str, files: "LoadedFiles", dags_folder: str, timeout: float, parallel: int, spare: import_worker.Child) -> None:
    """Serves one run, its first file by the spare; ends the server when asked to stop or when it is stale."""
    fd = connection.fileno()
    requests = import_worker.Requests(fd)
    replies = os.fdopen(os.dup(fd), "w", buffering=1, encoding="utf-8")
    try:
        while requests.open and not requests.waiting:
            requests.read()
        if not requests.waiting:
            return
        head = requests.waiting.pop(0)
        if head.get("stop"):
            end(listener, connection)
        if head.get("key") != key:
            stale(replies, "another key", listener, connection)
        # The run's files come with its first line: the spare starts on the
        # first while the modules are compared, and only the comparison
        # decides whether any reply is sent.
        spare.begin(head.get("environ") or {})
        if requests.waiting:
            spare.send(requests.waiting, timeout)
        changed = files.changed()
        if changed:
            spare.kill()
            stale(replies, changed, listener, connection)
        replies.write(json.dumps({"ready": True}) + "\n")
        own_fds = (listener.socket.fileno(), fd, replies.fileno())
        import_worker.serve(requests, replies, dags_folder, timeout, parallel, own_fds, head.get("environ"), [spare])
    except (OSError, ValueError):
        pass  # The run went away (interrupted): its children are gone, the server stays.
    finally:
        spare.close()  # a spare no run took (a connection without requests) ends here
        # Every child of the run has exited or is about to.
        import_worker.reap()
        try:
            replies.close()
        except OSError:
            pass


def stale(replies, why: str, listener: Listener, connection: socket.socket) -> None:
    """Tells the run this server cannot answer it, and ends the server."""
    replies.write(json.dumps({"stale": why}) + "\n")
    replies.close()
    end(listener, connection)


class LoadedFiles:
    """Size and modification time of every module file loaded, and of the site-packages folders."""

    def __init__(self) -> None:
        self.stamps = self.read()

    @staticmethod
    def read() -> dict[str, tuple[int, int] | None]:
        paths = {getattr(module, "__file__", None) for module in list(sys.modules.values())}
        paths.update(entry for entry in sys.path if entry.endswith("site-packages"))
        stamps = {}
        for path in paths:
            if not path:
                continue
            try:
                stat = os.stat(path)
                stamps[path] = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                stamps[path] = None
        return stamps

    def changed(self) -> str | None:
        for path, stamp in self.stamps.items():
            try:
                stat = os.stat(path)
                now = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                now = None
            if now != stamp:
                return f"{path} changed since the server started"
        return None



if __name__ == "__main__":
    sys.exit(main())
