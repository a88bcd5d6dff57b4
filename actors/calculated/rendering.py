"""A draw -> the question a student sees, in one language, shaped like the bank's questions
(data/questions/FORMAT.md): type, text, options, correct, tolerance, explanation, points.

English when asked for and the template has it, otherwise Russian; `locale` says which, and the
numbers follow it (24,5 in Russian, 24.5 in English)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.calculated.compiled import CompiledTemplate
from actors.calculated.drawing import Draw
from actors.calculated.formatting import NumberFormat, format_number, plain_number
from actors.calculated.model import TemplateType


class RenderedQuestion(BaseModel):
    """`correct` as the bank keeps it: one -> the option index, multiple -> the sorted indices,
    open -> the accepted answers (plain numbers, compared by actors/training/normalize.py within
    `tolerance`). `mistake_notes`: option index -> which typical mistake gives that option."""

    model_config = ConfigDict(frozen=True)

    external_id: str
    seed: int | None
    params: dict[str, float]
    locale: str
    type: TemplateType
    text: str
    options: tuple[str, ...]
    correct: int | list[int] | list[str]
    tolerance: float | None
    explanation: str
    mistake_notes: dict[int, str]
    difficulty: int
    points: int
    may_in_subway: bool


def language(compiled: CompiledTemplate, locale: str) -> str:
    return "en" if locale == "en" and compiled.template.has_english else "ru"


def render(compiled: CompiledTemplate, drawn: Draw, locale: str = "ru") -> RenderedQuestion:
    """Raises EvaluationError only for a template the validator refuses (a placeholder that a draw
    meeting the constraints cannot compute)."""
    template = compiled.template
    lang = language(compiled, locale)
    suffix = "_en" if lang == "en" else ""
    env = drawn.values
    shown = NumberFormat(decimals=template.decimals, clock=template.option_format == "time")
    notes = {}
    for option, mistake in drawn.mistake_of.items():
        note = compiled.mistake_notes[lang][mistake] or compiled.mistake_notes["ru"][mistake]
        if note is not None:
            notes[option] = note.render(env, lang if compiled.mistake_notes[lang][mistake] else "ru")
    correct: int | list[int] | list[str]
    if template.type == "open":
        correct = [plain_number(drawn.answers[0], template.decimals)]
    elif template.type == "one":
        correct = drawn.correct[0]
    else:
        correct = list(drawn.correct)
    return RenderedQuestion(
        external_id=template.external_id,
        seed=drawn.seed,
        params=drawn.params,
        locale=lang,
        type=template.type,
        text=compiled.texts[f"text{suffix}"].render(env, lang),
        options=tuple(format_number(value, lang, shown) for value in drawn.options),
        correct=correct,
        tolerance=template.tolerance if template.type == "open" else None,
        explanation=compiled.texts[f"explanation{suffix}"].render(env, lang),
        mistake_notes=notes,
        difficulty=template.difficulty,
        points=template.effective_points,
        may_in_subway=template.may_in_subway,
    )
