"""Tokens -> syntax tree, by recursive descent. Precedence, lowest first:
or · and · not · comparisons (no chains) · + - · * / · unary - + · ^ (right-associative).
So -2^2 = -4, 2^-1 = 0.5, 2^3^2 = 512, and `a < b < c` is refused (write `a < b and b < c`)."""

from __future__ import annotations

from actors.calculated.errors import ExpressionSyntaxError, ExpressionTooComplex
from actors.calculated.expressions.limits import MAX_ARGUMENTS, MAX_DEPTH, MAX_MAGNITUDE, MAX_NODES
from actors.calculated.expressions.nodes import Binary, Call, Literal, Name, Node, Unary
from actors.calculated.expressions.tokens import Token, tokenize

COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
KEYWORDS = {"and", "or", "not", "true", "false"}


def parse(source: str) -> Node:
    return _Parser(tokenize(source)).parse()


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._at = 0
        self._nodes = 0
        self._depth = 0

    def parse(self) -> Node:
        tree = self._or()
        if self._peek().kind != "end":
            raise self._unexpected()
        return tree

    # --- grammar, lowest precedence first -------------------------------------------------------
    def _or(self) -> Node:
        left = self._and()
        while self._accept_word("or"):
            left = self._node(Binary("or", left, self._and(), left.position))
        return left

    def _and(self) -> Node:
        left = self._not()
        while self._accept_word("and"):
            left = self._node(Binary("and", left, self._not(), left.position))
        return left

    def _not(self) -> Node:
        token = self._peek()
        if self._accept_word("not"):
            return self._node(Unary("not", self._nested(self._not), token.position))
        return self._comparison()

    def _comparison(self) -> Node:
        left = self._sum()
        token = self._peek()
        if token.kind == "op" and token.text in COMPARISONS:
            self._at += 1
            left = self._node(Binary(token.text, left, self._sum(), token.position))
            following = self._peek()
            if following.kind == "op" and following.text in COMPARISONS:
                raise ExpressionSyntaxError(
                    "comparisons do not chain: write `a < b and b < c`", following.position
                )
        return left

    def _sum(self) -> Node:
        left = self._term()
        while (token := self._accept_op("+", "-")) is not None:
            left = self._node(Binary(token.text, left, self._term(), token.position))
        return left

    def _term(self) -> Node:
        left = self._unary()
        while (token := self._accept_op("*", "/")) is not None:
            left = self._node(Binary(token.text, left, self._unary(), token.position))
        return left

    def _unary(self) -> Node:
        token = self._accept_op("-", "+")
        if token is not None:
            return self._node(Unary(token.text, self._nested(self._unary), token.position))
        return self._power()

    def _power(self) -> Node:
        base = self._atom()
        token = self._accept_op("^")
        if token is None:
            return base
        return self._node(Binary("^", base, self._nested(self._unary), token.position))

    def _atom(self) -> Node:
        token = self._peek()
        self._at += 1
        if token.kind == "number":
            return self._node(Literal(_number(token), token.position))
        if token.kind == "name" and token.text in ("true", "false"):
            return self._node(Literal(token.text == "true", token.position))
        if token.kind == "name" and token.text not in KEYWORDS:
            if self._accept_op("(") is None:
                return self._node(Name(token.text, token.position))
            return self._node(Call(token.text, self._nested(self._arguments), token.position))
        if token.kind == "op" and token.text == "(":
            inner = self._nested(self._or)
            self._expect(")")
            return inner
        self._at -= 1
        raise self._unexpected()

    def _arguments(self) -> tuple[Node, ...]:
        arguments: list[Node] = []
        if self._accept_op(")") is not None:
            return ()
        while True:
            arguments.append(self._or())
            if len(arguments) > MAX_ARGUMENTS:
                raise ExpressionTooComplex(
                    f"a call takes at most {MAX_ARGUMENTS} arguments", self._peek().position
                )
            if self._accept_op(")") is not None:
                return tuple(arguments)
            self._expect(",")

    # --- helpers ---------------------------------------------------------------------------------
    def _nested(self, rule):
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ExpressionTooComplex(f"nested deeper than {MAX_DEPTH} levels", self._peek().position)
        try:
            return rule()
        finally:
            self._depth -= 1

    def _node(self, node: Node) -> Node:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise ExpressionTooComplex(f"more than {MAX_NODES} numbers, names and operators", node.position)
        return node

    def _peek(self) -> Token:
        return self._tokens[self._at]

    def _accept_op(self, *ops: str) -> Token | None:
        token = self._peek()
        if token.kind == "op" and token.text in ops:
            self._at += 1
            return token
        return None

    def _accept_word(self, word: str) -> bool:
        token = self._peek()
        if token.kind == "name" and token.text == word:
            self._at += 1
            return True
        return False

    def _expect(self, op: str) -> None:
        if self._accept_op(op) is None:
            token = self._peek()
            found = "the end" if token.kind == "end" else repr(token.text)
            raise ExpressionSyntaxError(f"expected {op!r}, found {found}", token.position)

    def _unexpected(self) -> ExpressionSyntaxError:
        token = self._peek()
        if token.kind == "end":
            return ExpressionSyntaxError("the expression ends too early", token.position)
        previous = self._tokens[self._at - 1] if self._at else None
        if previous is not None and previous.kind in ("number", "name") and token.kind in ("number", "name"):
            return ExpressionSyntaxError(
                f"expected an operator before {token.text!r} (write 2*a, not 2a)", token.position
            )
        return ExpressionSyntaxError(f"unexpected {token.text!r}", token.position)


def _number(token: Token) -> float:
    value = float(token.text)
    if not value <= MAX_MAGNITUDE:  # also catches inf from "1e999"
        raise ExpressionTooComplex(
            f"the number {token.text} is beyond the limit {MAX_MAGNITUDE:g}", token.position
        )
    return value
