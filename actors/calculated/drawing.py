"""Drawing a template's parameters, deterministically: the same seed (later, the served question's
id) gives the same parameters, so the same numbers, options, answer and explanation.

Try t of seed s picks parameter p's value number H(s, t, p) mod count, H a BLAKE2b hash: stable
across Python versions and platforms (unlike `random` beyond random()), and a new parameter does
not move the others. Rejection sampling: the first of MAX_TRIES tries whose derived values compute,
whose constraints hold and whose options stay distinct enough is the draw."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from actors.calculated.compiled import CompiledTemplate
from actors.calculated.errors import DrawFailed, EvaluationError
from actors.calculated.formatting import NumberFormat, format_number, rounded

MAX_TRIES = 1000


@dataclass(frozen=True)
class Draw:
    """One draw's numbers. `values`: parameters, derived values and `answer` (unrounded), what the
    texts and checks read. `options`: a choice template's option values, ascending and distinct as
    shown; `correct`: indices of the right ones; `mistake_of`: option index -> mistake index."""

    external_id: str
    seed: int | None
    params: dict[str, float]
    values: dict[str, float | bool]
    answers: tuple[float, ...]
    options: tuple[float, ...] = ()
    correct: tuple[int, ...] = ()
    mistake_of: dict[int, int] = field(default_factory=dict)
    tries: int = 1


@dataclass(frozen=True)
class Rejection:
    """Why a try was not a draw. field: the failing constraint, derived value, or "options";
    broken: True when the template itself fails (an answer or a mistake cannot be computed) once
    its constraints hold: the validator reports those as errors."""

    field: str
    reason: str
    broken: bool = False


def candidate(compiled: CompiledTemplate, seed: int, attempt: int) -> dict[str, float]:
    params = {}
    for name, spec in compiled.template.params.items():
        digest = hashlib.blake2b(f"{seed}/{attempt}/{name}".encode(), digest_size=8).digest()
        params[name] = spec.value(int.from_bytes(digest, "big") % spec.count())
    return params


def draw(compiled: CompiledTemplate, seed: int) -> Draw:
    for attempt in range(MAX_TRIES):
        outcome = evaluate(compiled, candidate(compiled, seed, attempt), seed, attempt + 1)
        if isinstance(outcome, Draw):
            return outcome
    raise DrawFailed(
        f"template {compiled.external_id!r}: no parameters meet its constraints "
        f"in {MAX_TRIES} tries for seed {seed}"
    )


def evaluate(
    compiled: CompiledTemplate, params: Mapping[str, float], seed: int | None = None, tries: int = 1
) -> Draw | Rejection:
    """The draw these parameters give, or why they give none (also for chosen parameters: the
    admin's preview, an attempt's kept parameters)."""
    env: dict[str, float | bool] = dict(params)
    for name, expression in compiled.derived:
        try:
            env[name] = expression(env)
        except EvaluationError as error:
            return Rejection(f"derived.{name}", error.message)
    for index, constraint in enumerate(compiled.constraints):
        try:
            if not constraint(env):
                return Rejection(f"constraints[{index}]", f"`{constraint.source}` does not hold")
        except EvaluationError as error:
            return Rejection(f"constraints[{index}]", error.message)
    try:
        answers = tuple(float(a(env)) for a in compiled.answers)
        wrong = [float(m(env)) for m in compiled.mistakes]
    except EvaluationError as error:
        return Rejection(error.field or "answer", error.message, broken=True)
    if compiled.template.answers is None:
        env["answer"] = answers[0]
    common = {
        "external_id": compiled.external_id,
        "seed": seed,
        "params": dict(params),
        "values": env,
        "answers": answers,
        "tries": tries,
    }
    if compiled.template.type == "open":
        return Draw(**common)
    return _with_options(compiled, answers, wrong, common)


def _with_options(
    compiled: CompiledTemplate, answers: tuple[float, ...], wrong: list[float], common: dict
) -> Draw | Rejection:
    """Options are told apart as the student sees them: two values that print alike are one."""
    template = compiled.template
    clock = template.option_format == "time"
    shown_format = NumberFormat(decimals=template.decimals, clock=clock)
    seen: dict[str, tuple[float, int | None]] = {}  # shown text -> (value, mistake index or None)
    for value in answers:
        text = format_number(value, "en", shown_format)
        if text in seen:
            return Rejection("answers", f"two right answers both show as {text}")
        seen[text] = (value, None)
    for index, value in enumerate(wrong):  # a mistake that shows like an earlier option is dropped
        seen.setdefault(format_number(value, "en", shown_format), (value, index))
    if len(seen) < template.min_options:
        return Rejection(
            "options", f"only {len(seen)} distinct options; min_options is {template.min_options}"
        )

    def order(item: tuple[float, int | None]) -> float:
        value = float(rounded(item[0], template.decimals))
        return value % 24 if clock else value

    ranked = sorted(seen.values(), key=order)
    return Draw(
        **common,
        options=tuple(float(rounded(v, template.decimals)) for v, _ in ranked),
        correct=tuple(i for i, (_, m) in enumerate(ranked) if m is None),
        mistake_of={i: m for i, (_, m) in enumerate(ranked) if m is not None},
    )
