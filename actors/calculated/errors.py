"""What can go wrong with a calculated question, as typed exceptions.

ExpressionError and its kinds come out of one expression: `field` names the template field it sits
in ("derived.p_eq", "constraints[2]") once the template compiler knows it, `position` is the
0-based character offset in the expression. TemplateInvalid carries every problem of one template,
field by field (what the bank's import will report per row); DrawFailed is a valid template that
found no parameters for one seed (serving retires it with a report).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.errors import InvalidInput


class ExpressionError(InvalidInput):
    """An expression is wrong or cannot be computed."""

    code = "expression_error"

    def __init__(self, message: str, position: int | None = None, field: str | None = None) -> None:
        self.message = message
        self.position = position
        self.field = field
        super().__init__(self._describe())

    def in_field(self, field: str) -> ExpressionError:
        """The same error, told where it is: the template compiler names the field."""
        return type(self)(self.message, self.position, field)

    def _describe(self) -> str:
        where = f" at {self.position + 1}" if self.position is not None else ""
        return f"{self.field}: {self.message}{where}" if self.field else f"{self.message}{where}"


class ExpressionSyntaxError(ExpressionError):
    """The expression does not parse."""

    code = "expression_syntax"


class UnknownName(ExpressionError):
    """The expression uses a name that is not a parameter, a derived value or a function."""

    code = "expression_unknown_name"


class ExpressionTypeError(ExpressionError):
    """A number where a truth value is needed, or the other way round."""

    code = "expression_type"


class ExpressionTooComplex(ExpressionError):
    """The expression is longer, deeper or bigger than the limits allow."""

    code = "expression_too_complex"


class EvaluationError(ExpressionError):
    """The expression parsed but this draw cannot compute it: division by zero, sqrt of a negative
    number, a value beyond the magnitude limit."""

    code = "expression_evaluation"


class FieldError(BaseModel):
    """One problem of a template. field: where, in the template's JSON ("answer", "params.a",
    "mistakes[1].value", "chart.curves[0].y"); message: what to fix."""

    model_config = ConfigDict(frozen=True)

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class TemplateInvalid(InvalidInput):
    """The template cannot be used; `errors` says what to fix, field by field."""

    code = "template_invalid"

    def __init__(self, external_id: str | None, errors: list[FieldError]) -> None:
        self.external_id = external_id
        self.errors = tuple(errors)
        name = f"template {external_id!r}" if external_id else "the template"
        super().__init__(
            f"{name} is invalid: "
            + "; ".join(map(str, errors[:5]))
            + (f" … and {len(errors) - 5} more" if len(errors) > 5 else "")
        )


class DrawFailed(InvalidInput):
    """No parameters meeting the template's constraints were found for this seed."""

    code = "template_draw_failed"
