"""Compiles many expressions and texts of one template, keeping every error with its field
instead of stopping at the first, so an author fixes a template in one pass."""

from __future__ import annotations

from collections.abc import Mapping

from actors.calculated.errors import ExpressionError, FieldError
from actors.calculated.expressions import Expression, Kind, compile_expression
from actors.calculated.placeholders import TextTemplate, compile_text


def describe(error: ExpressionError, source: str | None = None) -> str:
    where = f" (at character {error.position + 1}" if error.position is not None else ""
    if where and source is not None:
        where += f" of `{source}`" if len(source) <= 80 else ""
    return error.message + (where + ")" if where else "")


class Collector:
    def __init__(self, decimals: int) -> None:
        self.errors: list[FieldError] = []
        self.decimals = decimals  # the template's: the default precision of its placeholders

    def expression(
        self, source: str, scope: Mapping[str, Kind], expect: Kind | None, field: str
    ) -> Expression | None:
        try:
            return compile_expression(source, scope, expect=expect, field=field)
        except ExpressionError as error:
            self.errors.append(FieldError(field=field, message=describe(error, source)))
            return None

    def text(self, source: str | None, scope: Mapping[str, Kind], field: str) -> TextTemplate | None:
        if source is None:
            return None
        try:
            return compile_text(source, scope, field, self.decimals)
        except ExpressionError as error:
            self.errors.append(FieldError(field=field, message=describe(error)))
            return None
