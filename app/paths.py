"""Where the project's non-Python files live: sql/ (migrations) and data/ (the seed bank).

From a source checkout they sit beside the packages; an installed image keeps them in the working
directory (deploy/Dockerfile copies them there).
"""
from __future__ import annotations

from pathlib import Path


def project_dir() -> Path:
    source_tree = Path(__file__).resolve().parent.parent
    return source_tree if (source_tree / "sql").is_dir() else Path.cwd()


SQL_DIR = project_dir() / "sql"
DATA_DIR = project_dir() / "data"
