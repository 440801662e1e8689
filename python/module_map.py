"""Prints, as JSON, which installed distribution provides each importable module of this Python.

Run by `airflow-gitops lock` with the interpreter of the venv it has just
installed from requirements.lock; the static layer of the validator reads the
result (requirements.modules.json) to tell an import that no locked package
provides, without Python. The output has:

    python      the interpreter's version, major.minor
    stdlib      the standard library's top-level module names (sys.stdlib_module_names)
    modules     {module: [distribution, ...]}: each top-level module, and each
                module directly inside a namespace package, with the
                distributions that install it
    namespaces  the namespace packages (folders without __init__.py that
                several distributions may share, like airflow/providers)

A folder with an __init__.py that several distributions install into (airflow/,
from apache-airflow-core, the task SDK and the providers) is listed under
modules by the distribution of its __init__.py; the namespaces inside it are
listed too, so that `airflow.providers.amazon` is judged by its own entry.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata

MODULE_FILE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\.[^/]*)?\.(?:py|pyc|so|pyd)$")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Folder:
    def __init__(self) -> None:
        self.children: dict[str, Folder] = {}
        self.distributions: set[str] = set()
        self.init: set[str] = set()  # the distributions that install its __init__.py
        self.module: set[str] = set()  # a module file of this name (name.py, name.*.so)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def tree() -> Folder:
    root = Folder()
    for distribution in metadata.distributions():
        name = canonical(distribution.metadata["Name"])
        for file in distribution.files or []:
            parts = file.parts
            if not parts or parts[0] in ("..", "__pycache__") or any(p.endswith((".dist-info", ".data", ".egg-info")) for p in parts[:1]):
                continue
            add(root, parts, name)
    return root


def add(root: Folder, parts: tuple[str, ...], distribution: str) -> None:
    *folders, last = parts
    if "__pycache__" in folders or not all(NAME.match(part) for part in folders):
        return
    match = MODULE_FILE.match(last)
    if match is None:
        return
    node = root
    for part in folders:
        node = node.children.setdefault(part, Folder())
        node.distributions.add(distribution)
    if match.group(1) == "__init__" and folders:
        node.init.add(distribution)
    elif match.group(1) != "__init__":
        leaf = node.children.setdefault(match.group(1), Folder())
        leaf.distributions.add(distribution)
        leaf.module.add(distribution)


def walk(node: Folder, prefix: str, modules: dict[str, list[str]], namespaces: list[str], inside_namespace: bool) -> None:
    for name, child in sorted(node.children.items()):
        dotted = f"{prefix}{name}"
        owners = child.init or child.module
        if owners:
            if inside_namespace:
                modules[dotted] = sorted(owners)
            if len(child.distributions) > 1:
                walk(child, f"{dotted}.", modules, namespaces, False)
        elif child.children:
            if inside_namespace or dotted.count(".") > 0:
                namespaces.append(dotted)
                if inside_namespace:
                    modules[dotted] = sorted(child.distributions)
                walk(child, f"{dotted}.", modules, namespaces, True)


def main() -> None:
    modules: dict[str, list[str]] = {}
    namespaces: list[str] = []
    walk(tree(), "", modules, namespaces, True)
    json.dump({
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "stdlib": sorted(sys.stdlib_module_names),
        "modules": modules,
        "namespaces": sorted(namespaces),
    }, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
