"""Tells whether importing a DAG file left the process different for the next file.

A child of import_worker.py imports many files one after the other, and must
give each the process a fresh one would: the same environment, working
folder, import path, modules, builtins, signal handlers, logging set-up and no
extra thread. After each file the child compares the process with a snapshot
taken before its first file; on a difference it reports the file's result and
exits, and the worker forks a clean child for the next file.

Helper modules of the dags folder are not state: the child forgets them after
each file, so every file imports its helpers afresh, as in the dag-processor.

Setting an attribute on a module loaded before (monkeypatching) is caught as
it happens: modules are given a class whose __setattr__ notes the change.
Not seen: writes straight into a module's __dict__, and attributes set on a
class defined outside the dags folder (Python offers no cheap way to notice
them); a DAG file that patches Airflow's classes can still reach the files its
child imports after it.
"""

from __future__ import annotations

import _signal
import builtins
import logging
import operator
import os
import signal
import sys
import threading
import types
import warnings

# Set by the watchers below; cleared by Snapshot.
changes: list[str] = []
_watching = False


class WatchedModule(types.ModuleType):
    """A module that notes when code outside the import system sets one of its attributes.

    Modules made later are WatchedModules too (importlib makes them with
    `type(sys)`); only those loaded before the snapshot are watched."""

    def __setattr__(self, name, value):
        # The import system binds a submodule to its package: that is no change of state.
        if _watching and self.__name__ in _existing_modules and not (isinstance(value, types.ModuleType) and value.__name__ == f"{self.__name__}.{name}"):
            changes.append(f"{self.__name__}.{name} was set")
        super().__setattr__(name, value)

    def __delattr__(self, name):
        if _watching and self.__name__ in _existing_modules:
            changes.append(f"{self.__name__}.{name} was deleted")
        super().__delattr__(name)


# `warnings.catch_warnings` sets and restores attributes of `warnings`: its
# state is compared instead.
_unwatched = {"warnings"}


def watch_modules() -> None:
    """Makes every plain module loaded so far a WatchedModule (run once, before forking)."""
    for name, module in list(sys.modules.items()):
        if type(module) is types.ModuleType and name not in _unwatched:
            try:
                module.__class__ = WatchedModule
            except TypeError:
                pass


_existing_modules: frozenset[str] = frozenset()


class Snapshot:
    """The state of the process between two imports."""

    def __init__(self, dags_folder: str) -> None:
        global _existing_modules, _watching
        self.dags_folder = dags_folder
        self.environ = _environ()
        self.cwd = os.getcwd()
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.path_hooks = list(sys.path_hooks)
        self.modules = dict(sys.modules)
        self.module_names = list(self.modules)
        self.module_objects = list(self.modules.values())
        # Modules other than the dags folder's that imports added since: kept, as a cache.
        self.kept = set(self.modules)
        self.builtins = dict(vars(builtins))
        self.handlers = _signal_handlers()
        self.threads = threading.active_count()
        self.logging = _logging_state()
        self.warnings = _warnings_state()
        _existing_modules = frozenset(self.modules)
        _watching = True

    def forget_dags_folder_modules(self) -> None:
        """Drops the modules the last import loaded from the dags folder (and the DAG file's own module)."""
        # sys.modules keeps insertion order: what the import added is at the end.
        added = []
        for name in reversed(sys.modules):
            if name in self.kept:
                break
            added.append(name)
        folder = self.dags_folder + os.sep
        for name in added:
            file = getattr(sys.modules[name], "__file__", None) or ""
            if name.startswith("unusual_prefix_") or file.startswith(folder):
                del sys.modules[name]
            else:
                self.kept.add(name)

    def difference(self) -> str | None:
        """What the last import changed for good, or None."""
        found = list(changes)
        changes.clear()
        if _environ() != self.environ:
            found.append("os.environ was changed")
        if os.getcwd() != self.cwd:
            found.append("the working folder was changed")
        if sys.path != self.path or sys.meta_path != self.meta_path or sys.path_hooks != self.path_hooks:
            found.append("the import path was changed")
        now = vars(builtins)
        if now.keys() != self.builtins.keys() or not all(map(operator.is_, map(now.get, self.builtins), self.builtins.values())):
            found.append("builtins were changed")
        if not all(map(operator.is_, map(sys.modules.get, self.module_names), self.module_objects)):
            found.append("a loaded module was replaced or removed")
        if _signal_handlers() != self.handlers:
            found.append("a signal handler or timer was changed")
        if threading.active_count() != self.threads:
            found.append("a thread was left running")
        if _logging_state() != self.logging:
            found.append("the logging set-up was changed")
        if _warnings_state() != self.warnings:
            found.append("the warnings set-up was changed")
        return "; ".join(found[:3]) if found else None


# Airflow installs new SIGSEGV and SIGALRM (import timeout) handlers for every
# file it imports, so what a file leaves there does not reach the next one.
_reset_by_airflow = {signal.SIGSEGV, signal.SIGALRM, signal.SIGKILL, signal.SIGSTOP}


_compared_signals = [int(number) for number in signal.valid_signals() if number not in _reset_by_airflow and number < signal.NSIG]


def _signal_handlers() -> tuple:
    # _signal.getsignal: the same handlers as signal.getsignal, without turning
    # each into an enum member, which took most of the time of this comparison.
    handlers = tuple(map(_signal.getsignal, _compared_signals))
    # A timer still running would fire in the middle of the next import.
    return handlers, signal.getitimer(signal.ITIMER_REAL), signal.getitimer(signal.ITIMER_VIRTUAL), signal.getitimer(signal.ITIMER_PROF)


def _logging_state() -> tuple:
    root = logging.getLogger()
    return (root.level, tuple(root.handlers), logging.root.manager.disable)


def _warnings_state() -> tuple:
    return (tuple(warnings.filters), warnings.showwarning, warnings.formatwarning)


def _environ() -> dict:
    # The encoded values: decoding every variable after every file costs more than the import of a small DAG.
    data = getattr(os.environ, "_data", None)
    return dict(data) if isinstance(data, dict) else dict(os.environ)
