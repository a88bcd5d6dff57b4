"""What can go wrong with the bank, as domain error kinds the edges understand."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.errors import InvalidInput


class RowError(BaseModel):
    """One problem in an import file. row: the sheet row (xlsx, header = row 1) or the question's
    1-based position in "questions" (JSON); None for the file as a whole. field: the column/key."""
    model_config = ConfigDict(frozen=True)

    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ImportRejected(InvalidInput):
    """The file was not imported; nothing changed. `errors` says what to fix, row by row."""
    code = "import_rejected"

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = tuple(errors)
        rows = sorted({e.row for e in errors if e.row is not None})
        shown = ", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")
        super().__init__(f"the file was not imported: {len(errors)} error(s)"
                         + (f" in rows {shown}" if rows else ""))

    def field_errors(self) -> list[tuple[str, str]]:
        return [(_location(e), e.message) for e in self.errors]


def _location(error: RowError) -> str:
    parts = [f"row {error.row}" if error.row is not None else "file"]
    if error.field:
        parts.append(error.field)
    return ".".join(parts)
