"""Loads a dags folder with Airflow's own DagBag and prints what it found, as JSON.

    python dagbag_reference.py <dags folder> <output file>

The tests compare this with the import layer of `airflow-gitops validate --import`:
the files Airflow parsed, the files with import errors, and the dag_ids loaded.
The folder is the bundle path (on sys.path), as for the dag-processor. The
JSON goes to a file because Airflow logs to stdout.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main() -> int:
    folder = Path(os.path.realpath(sys.argv[1]))
    from airflow.dag_processing.dagbag import BundleDagBag

    bag = BundleDagBag(dag_folder=folder, bundle_path=folder, bundle_name="dags-folder", load_op_links=False)
    report = {
        "parsed_files": sorted(stat.file for stat in bag.dagbag_stats),
        "import_errors": {path: error.strip().splitlines()[-1] for path, error in sorted(bag.import_errors.items())},
        "dag_ids": sorted(bag.dag_ids),
    }
    Path(sys.argv[2]).write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
