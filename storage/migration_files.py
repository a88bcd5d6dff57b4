"""Numbered migration files (NNNN_snake_name.sql), shared by the PostgreSQL and ClickHouse runners."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class MigrationFile:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()

    def statements(self) -> list[str]:
        """The file's statements: comment lines dropped, split on a ';' that ends a line."""
        body = "\n".join(line for line in self.sql.splitlines() if not line.strip().startswith("--"))
        return [part.strip() for part in re.split(r";\s*(?:\n|$)", body) if part.strip()]


def discover(directory: Path, error: type[Exception]) -> list[MigrationFile]:
    """The files in version order; a bad name or a version used twice raises `error`."""
    files: dict[int, MigrationFile] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise error(f"{path.name}: migration files are named NNNN_snake_name.sql")
        version = int(match.group(1))
        if version in files:
            raise error(f"{path.name}: version {version:04d} is used twice")
        files[version] = MigrationFile(version, path.stem, path.read_text(encoding="utf-8"))
    return [files[v] for v in sorted(files)]
