"""A small valid template (supply and demand) that tests change one field at a time."""

from __future__ import annotations

import copy
from typing import Any

from actors.calculated import Template

MARKET: dict[str, Any] = {
    "external_id": "test-market",
    "subject": "economics",
    "theme": "Спрос и предложение",
    "type": "open",
    "text": "Qd = {a} − {b}P, Qs = {d}P {c:+}. Найдите равновесную цену.",
    "text_en": "Qd = {a} − {b}P, Qs = {d}P {c:+}. Find the equilibrium price.",
    "params": {
        "a": {"min": 40, "max": 120, "step": 2},
        "b": {"values": [1, 2, 3]},
        "c": {"min": -20, "max": 10, "step": 1},
        "d": {"min": 1, "max": 4, "step": 1},
    },
    "derived": {"p": "(a - c) / (b + d)", "q": "a - b * p"},
    "constraints": ["whole(p)", "q > 0"],
    "answer": "p",
    "explanation": "{a} − {b}P = {d}P {c:+}, откуда P = {answer}, Q = {q}.",
    "explanation_en": "{a} − {b}P = {d}P {c:+}, so P = {answer}, Q = {q}.",
    "checks": ["a - b * answer == c + d * answer"],
    "difficulty": 2,
}


def data(**changes: Any) -> dict[str, Any]:
    result = copy.deepcopy(MARKET)
    for key, value in changes.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def template(**changes: Any) -> Template:
    return Template.model_validate(data(**changes))


MISTAKES = [
    {"value": "(a + c) / (b + d)", "why": "знак c перепутан"},
    {"value": "a / b", "why": "предложение забыто"},
    {"value": "q", "why": "дано количество, а не цена"},
]


def choice(**changes: Any) -> Template:
    return template(**{"type": "one", "mistakes": MISTAKES, **changes})
