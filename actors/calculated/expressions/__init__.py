"""A small expression language of our own: numbers, + - * / ^, parentheses, comparisons,
and/or/not, and a few whitelisted functions. Text is tokenized and parsed by our code and compiled
into closures; Python's eval/exec/compile never see it. See data/questions/FORMAT.md (the
expression language) for the grammar, the functions and the limits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from actors.calculated.errors import EvaluationError, ExpressionError, ExpressionTypeError
from actors.calculated.expressions.compiler import Code, Env, Kind, Value, compile_node
from actors.calculated.expressions.nodes import Name, Node
from actors.calculated.expressions.parser import parse

__all__ = ["Env", "Expression", "Kind", "Value", "compile_expression"]


@dataclass(frozen=True, eq=False)
class Expression:
    source: str
    kind: Kind
    names: frozenset[str]  # the parameters and derived values it reads
    field: str | None
    _code: Code

    def __call__(self, env: Env) -> Value:
        try:
            return self._code(env)
        except EvaluationError as error:
            raise error.in_field(self.field) if self.field else error from None


def compile_expression(
    source: str, scope: Mapping[str, Kind], expect: Kind | None = None, field: str | None = None
) -> Expression:
    """`scope`: the names the expression may read and their kinds. `expect`: the kind the field
    needs (a constraint is a truth value, an answer a number). Errors name `field`."""
    try:
        tree = parse(source)
        kind, code = compile_node(tree, scope)
        if expect is not None and kind != expect:
            wanted = "a number" if expect == "number" else "a truth value (a comparison, and, or, not)"
            raise ExpressionTypeError(f"the expression must be {wanted}", 0)
    except ExpressionError as error:
        raise error.in_field(field) if field else error from None
    return Expression(source, kind, frozenset(_names(tree)), field, code)


def _names(node: Node) -> set[str]:
    if isinstance(node, Name):
        return {node.name}
    children = [getattr(node, attr) for attr in ("operand", "left", "right") if hasattr(node, attr)]
    children += list(getattr(node, "arguments", ()))
    return set().union(*(_names(child) for child in children))
