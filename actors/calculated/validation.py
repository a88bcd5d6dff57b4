"""Is a template fit to serve? Its expressions compile (compiled.py), and over VALIDATION_TRIES
candidate draws: enough meet the constraints that serving (MAX_TRIES tries per seed) never runs dry,
and every accepted draw computes its answer, options, texts and chart and passes its checks.
Errors are per field, as the import will report them per row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from actors.calculated.charts import chart_data
from actors.calculated.compiled import CompiledTemplate, compile_template
from actors.calculated.drawing import Draw, Rejection, candidate, evaluate
from actors.calculated.errors import EvaluationError, FieldError, TemplateInvalid
from actors.calculated.model import Template
from actors.calculated.rendering import render

VALIDATION_TRIES = 1000
# At 2% of tries accepted, a serve (1000 tries) finds no draw with probability 0.98^1000 ≈ 2e-9.
MIN_ACCEPTED = 20
CHARTED_DRAWS = 30  # charts are evaluated on this many accepted draws (121 points per curve)
MAX_TEXT = 4000
MAX_OPTION = 500


@dataclass(frozen=True)
class ValidationReport:
    external_id: str
    errors: tuple[FieldError, ...]
    accepted: int = 0  # of VALIDATION_TRIES candidates
    distinct: int = 0  # different parameter sets among them: how "endless" the practice is

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_template(template: Template) -> ValidationReport:
    try:
        compiled = compile_template(template)
    except TemplateInvalid as invalid:
        return ValidationReport(template.external_id, invalid.errors)
    errors: dict[str, FieldError] = {}  # the first problem per field is enough to fix it
    failed: Counter[str] = Counter()
    accepted: list[Draw] = []
    for attempt in range(VALIDATION_TRIES):
        outcome = evaluate(compiled, candidate(compiled, 0, attempt), 0, attempt + 1)
        if isinstance(outcome, Rejection):
            failed[f"{outcome.field}: {outcome.reason}"] += 1
            if outcome.broken:
                errors.setdefault(
                    outcome.field,
                    FieldError(
                        field=outcome.field,
                        message=outcome.reason + f" (with {_shown(candidate(compiled, 0, attempt))})",
                    ),
                )
            continue
        accepted.append(outcome)
        for problem in draw_problems(compiled, outcome, with_chart=len(accepted) <= CHARTED_DRAWS):
            errors.setdefault(problem.field, problem)
    if len(accepted) < MIN_ACCEPTED:
        errors["constraints"] = FieldError(field="constraints", message=_too_few(len(accepted), failed))
    distinct = len({tuple(d.params.values()) for d in accepted})
    return ValidationReport(template.external_id, tuple(errors.values()), len(accepted), distinct)


def draw_problems(compiled: CompiledTemplate, drawn: Draw, with_chart: bool = True) -> list[FieldError]:
    """What is wrong with one accepted draw: a check that fails, a text or chart that cannot be
    computed or is too long. The validator and the property tests both ask this."""
    problems = []
    where = f" (with {_shown(drawn.params)})"
    for index, check in enumerate(compiled.checks):
        try:
            if not check(drawn.values):
                problems.append(
                    FieldError(field=f"checks[{index}]", message=f"`{check.source}` fails{where}")
                )
        except EvaluationError as error:
            problems.append(FieldError(field=f"checks[{index}]", message=error.message + where))
    for locale in ("ru", "en") if compiled.template.has_english else ("ru",):
        try:
            shown = render(compiled, drawn, locale)
            if with_chart:
                chart_data(compiled, drawn, locale)
        except EvaluationError as error:
            problems.append(FieldError(field=error.field or "text", message=error.message + where))
            continue
        suffix = "_en" if locale == "en" else ""
        for name, value in (("text", shown.text), ("explanation", shown.explanation)):
            if len(value) > MAX_TEXT:
                problems.append(
                    FieldError(
                        field=name + suffix,
                        message=f"renders to {len(value)} characters (the limit is {MAX_TEXT}){where}",
                    )
                )
        if any(len(option) > MAX_OPTION for option in shown.options):
            problems.append(FieldError(field="options", message=f"an option is over {MAX_OPTION} characters"))
    return problems


def _shown(params: dict[str, float]) -> str:
    return ", ".join(f"{name}={value:g}" for name, value in params.items())


def _too_few(count: int, failed: Counter[str]) -> str:
    reasons = "; ".join(f"{reason} ({times} times)" for reason, times in failed.most_common(3))
    if count == 0:
        return f"no draw of {VALIDATION_TRIES} meets the constraints; most often: {reasons}"
    return (
        f"only {count} of {VALIDATION_TRIES} draws meet the constraints (at least {MIN_ACCEPTED} are"
        f" needed, so that serving never runs out of tries); most often: {reasons}"
    )
