"""Storage errors the actors and edges understand without knowing the driver."""


class StoreUnavailable(Exception):
    """The database cannot be reached right now (connection refused, lost, timed out)."""


class MigrationError(Exception):
    """A migration could not be applied or the ledger disagrees with the files."""


class DuplicateKey(Exception):
    """A unique constraint refused the row; `constraint` names it."""

    def __init__(self, constraint: str) -> None:
        super().__init__(constraint)
        self.constraint = constraint


class MissingReference(Exception):
    """A foreign key refused the row: what it refers to is gone (in practice a deleted or merged-away
    user whose request was already in flight, or served from another instance's cache); `constraint`
    names the key."""

    def __init__(self, constraint: str) -> None:
        super().__init__(constraint)
        self.constraint = constraint
