"""What can go wrong with filters, as domain error kinds the edges understand."""
from __future__ import annotations

from collections.abc import Iterable

from actors.errors import InvalidInput

MAX_LISTED = 12


class UnknownFilterValue(InvalidInput):
    """The filter names something the question bank does not have."""
    code = "unknown_filter_value"

    def __init__(self, field: str, unknown: Iterable[object], known: Iterable[object]) -> None:
        self.field = field
        self.values = tuple(sorted(unknown, key=str))
        known_list = sorted(known, key=str)
        shown = ", ".join(map(str, known_list[:MAX_LISTED])) + (", …" if len(known_list) > MAX_LISTED else "")
        super().__init__(f"unknown {field}: {', '.join(map(str, self.values))}; "
                         f"the bank has: {shown or 'nothing yet'}")

    def field_errors(self) -> list[tuple[str, str]]:
        """Where the REST edge reports it (a 422 lists its field errors): the body field at fault."""
        return [(f"body.{self.field}", self.detail)]
