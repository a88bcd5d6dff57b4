"""A template with every expression and text compiled and checked against its scope:

  params         numbers
  derived        read the parameters and the derived values above them
  constraints    truth values over params and derived
  answer(s), mistakes   numbers over params and derived
  text           params and derived;   explanation, checks, chart: also `answer` (open, one)

compile_template raises TemplateInvalid with every error, field by field."""

from __future__ import annotations

from dataclasses import dataclass

from actors.calculated.collector import Collector
from actors.calculated.compiled_chart import CompiledChart, compile_chart
from actors.calculated.errors import FieldError, TemplateInvalid
from actors.calculated.expressions import Expression, Kind
from actors.calculated.model import Template
from actors.calculated.placeholders import TextTemplate


@dataclass(frozen=True, eq=False)
class CompiledTemplate:
    template: Template
    derived: tuple[tuple[str, Expression], ...]
    constraints: tuple[Expression, ...]
    answers: tuple[Expression, ...]  # one for open and one, several for multiple
    mistakes: tuple[Expression, ...]
    checks: tuple[Expression, ...]
    texts: dict[str, TextTemplate]  # text, explanation, and their _en when given
    mistake_notes: dict[str, tuple[TextTemplate | None, ...]]  # "why" per mistake, per language
    chart: CompiledChart | None

    @property
    def external_id(self) -> str:
        return self.template.external_id


def compile_template(template: Template) -> CompiledTemplate:
    collect = Collector(template.decimals)
    scope: dict[str, Kind] = {name: "number" for name in template.params}
    derived = []
    for name, source in template.derived.items():
        expression = collect.expression(source, scope, None, f"derived.{name}")
        derived.append((name, expression))
        scope[name] = expression.kind if expression else "number"  # a broken one: don't cascade errors
    constraints = [
        collect.expression(s, scope, "truth", f"constraints[{i}]") for i, s in enumerate(template.constraints)
    ]
    if template.answers is not None:
        answers = [
            collect.expression(s, scope, "number", f"answers[{i}]") for i, s in enumerate(template.answers)
        ]
    else:
        answers = [collect.expression(template.answer or "", scope, "number", "answer")]
    mistakes = [
        collect.expression(m.value, scope, "number", f"mistakes[{i}].value")
        for i, m in enumerate(template.mistakes)
    ]
    texts = {
        "text": collect.text(template.text, scope, "text"),
        "text_en": collect.text(template.text_en, scope, "text_en"),
    }
    after = {**scope, "answer": "number"} if template.answers is None else scope
    texts |= {
        "explanation": collect.text(template.explanation, after, "explanation"),
        "explanation_en": collect.text(template.explanation_en, after, "explanation_en"),
    }
    notes = {
        lang: tuple(
            collect.text(getattr(m, f"why{suffix}"), scope, f"mistakes[{i}].why{suffix}")
            for i, m in enumerate(template.mistakes)
        )
        for lang, suffix in (("ru", ""), ("en", "_en"))
    }
    checks = [collect.expression(s, after, "truth", f"checks[{i}]") for i, s in enumerate(template.checks)]
    chart = compile_chart(template.chart, after, collect) if template.chart else None
    if collect.errors:
        raise TemplateInvalid(template.external_id, collect.errors)
    return CompiledTemplate(
        template=template,
        derived=tuple(derived),
        constraints=tuple(constraints),  # type: ignore[arg-type]
        answers=tuple(answers),
        mistakes=tuple(mistakes),
        checks=tuple(checks),  # type: ignore[arg-type]
        texts={k: v for k, v in texts.items() if v is not None},
        mistake_notes=notes,
        chart=chart,
    )


def field_errors(template: Template) -> list[FieldError]:
    try:
        compile_template(template)
    except TemplateInvalid as invalid:
        return list(invalid.errors)
    return []
