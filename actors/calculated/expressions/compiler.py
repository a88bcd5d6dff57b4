"""Syntax tree -> a checked, callable Expression. Names and types are checked once, here: every name
must be in the scope, a truth value is never added and a number is never `and`ed, so a draw only
meets arithmetic errors (division by zero, a domain, the magnitude limit). The code is a tree of
closures over floats and bools: nothing in it can reach a Python object or builtin."""

from __future__ import annotations

import difflib
import math
import operator
from collections.abc import Callable, Mapping
from typing import Literal as TypingLiteral

from actors.calculated.errors import EvaluationError, ExpressionTypeError, UnknownName
from actors.calculated.expressions.functions import FUNCTIONS
from actors.calculated.expressions.limits import MAX_MAGNITUDE, RELATIVE_EPSILON
from actors.calculated.expressions.nodes import Binary, Call, Literal, Name, Node, Unary

Kind = TypingLiteral["number", "truth"]
Value = float | bool
Env = Mapping[str, Value]
Code = Callable[[Env], Value]


def checked(value: float, position: int | None = None) -> float:
    if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:  # False for nan too
        return value
    raise EvaluationError(f"a value beyond ±{MAX_MAGNITUDE:g} ({value:g})", position)


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_EPSILON * max(1.0, abs(a), abs(b))


def _divide(a: float, b: float) -> float:
    if b == 0:
        raise EvaluationError("division by zero")
    return a / b


def _power(a: float, b: float) -> float:
    try:
        return math.pow(a, b)
    except OverflowError:
        raise EvaluationError(f"{a:g}^{b:g} is too large") from None
    except ValueError:
        raise EvaluationError(f"{a:g}^{b:g} is not a real number") from None


ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": _divide,
    "^": _power,
}
COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": _near,
    "!=": lambda a, b: not _near(a, b),
}


def compile_node(node: Node, scope: Mapping[str, Kind]) -> tuple[Kind, Code]:
    if isinstance(node, Literal):
        value = node.value
        return ("truth" if isinstance(value, bool) else "number"), lambda env: value
    if isinstance(node, Name):
        return _name(node, scope)
    if isinstance(node, Unary):
        return _unary(node, scope)
    if isinstance(node, Binary):
        return _binary(node, scope)
    return _call(node, scope)


def _name(node: Name, scope: Mapping[str, Kind]) -> tuple[Kind, Code]:
    name = node.name
    if name in scope:
        return scope[name], lambda env: env[name]
    if name in FUNCTIONS or name == "if":
        raise UnknownName(f"{name} is a function: call it, as in {name}(x)", node.position)
    hint = difflib.get_close_matches(name, list(scope), n=1)
    raise UnknownName(
        f"unknown name {name!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""), node.position
    )


def _expect(kind: Kind, node: Node, scope: Mapping[str, Kind], role: str) -> Code:
    found, code = compile_node(node, scope)
    if found != kind:
        wanted = "a number" if kind == "number" else "a truth value (a comparison, and, or, not)"
        raise ExpressionTypeError(f"{role} must be {wanted}", node.position)
    return code


def _unary(node: Unary, scope: Mapping[str, Kind]) -> tuple[Kind, Code]:
    if node.op == "not":
        inner = _expect("truth", node.operand, scope, "the operand of `not`")
        return "truth", lambda env: not inner(env)
    inner = _expect("number", node.operand, scope, f"the operand of unary {node.op}")
    return ("number", (lambda env: -inner(env)) if node.op == "-" else inner)


def _binary(node: Binary, scope: Mapping[str, Kind]) -> tuple[Kind, Code]:
    op, position = node.op, node.position
    if op in ("and", "or"):
        left = _expect("truth", node.left, scope, f"each side of `{op}`")
        right = _expect("truth", node.right, scope, f"each side of `{op}`")
        if op == "and":
            return "truth", lambda env: bool(left(env)) and bool(right(env))
        return "truth", lambda env: bool(left(env)) or bool(right(env))
    left = _expect("number", node.left, scope, f"each side of {op}")
    right = _expect("number", node.right, scope, f"each side of {op}")
    if op in COMPARE:
        compare = COMPARE[op]
        return "truth", lambda env: compare(left(env), right(env))
    apply = ARITHMETIC[op]

    def arithmetic(env: Env) -> float:
        try:
            return checked(apply(left(env), right(env)), position)
        except EvaluationError as error:
            raise error if error.position is not None else EvaluationError(error.message, position) from None

    return "number", arithmetic


def _call(node: Call, scope: Mapping[str, Kind]) -> tuple[Kind, Code]:
    name, position, count = node.function, node.position, len(node.arguments)
    if name == "if":
        if count != 3:
            raise ExpressionTypeError("if() takes three arguments: if(condition, then, otherwise)", position)
        condition = _expect("truth", node.arguments[0], scope, "the condition of if()")
        kind, then = compile_node(node.arguments[1], scope)
        otherwise = _expect(kind, node.arguments[2], scope, "the third argument of if(), like the second,")
        return kind, lambda env: then(env) if condition(env) else otherwise(env)
    function = FUNCTIONS.get(name)
    if function is None:
        if name in scope:
            raise UnknownName(f"{name!r} is a value, not a function", position)
        raise UnknownName(
            f"unknown function {name!r}; the functions are: " + ", ".join(sorted([*FUNCTIONS, "if"])),
            position,
        )
    if not function.fewest <= count <= function.most:
        takes = (
            f"{function.fewest}"
            if function.fewest == function.most
            else f"{function.fewest} to {function.most}"
        )
        raise ExpressionTypeError(f"{name}() takes {takes} argument(s), not {count}", position)
    arguments = [_expect("number", a, scope, f"an argument of {name}()") for a in node.arguments]
    implementation = function.implementation

    def call(env: Env) -> Value:
        values = [argument(env) for argument in arguments]
        try:
            result = implementation(*values)
        except EvaluationError as error:
            raise EvaluationError(error.message, position) from None
        return result if isinstance(result, bool) else checked(result, position)

    return function.returns, call  # type: ignore[return-value]
