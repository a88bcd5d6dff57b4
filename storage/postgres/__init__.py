"""PostgreSQL: pool + unit of work, migrations, repositories."""
from storage.postgres.database import Database
from storage.postgres.errors import (
    DuplicateKey,
    MigrationError,
    MissingReference,
    StoreUnavailable,
)
from storage.postgres.tx import Tx

__all__ = ["Database", "DuplicateKey", "MigrationError", "MissingReference", "StoreUnavailable", "Tx"]
