"""The syntax tree of an expression: what the parser builds and the compiler turns into code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Literal:
    value: float | bool
    position: int


@dataclass(frozen=True)
class Name:
    name: str
    position: int


@dataclass(frozen=True)
class Unary:
    op: str  # "-", "+", "not"
    operand: Node
    position: int


@dataclass(frozen=True)
class Binary:
    op: str  # + - * / ^, < <= > >= == !=, and, or
    left: Node
    right: Node
    position: int


@dataclass(frozen=True)
class Call:
    function: str
    arguments: tuple[Node, ...]
    position: int


Node = Literal | Name | Unary | Binary | Call
