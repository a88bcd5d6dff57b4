"""Calculated questions: templates whose parameters are drawn per serve, whose answers,
explanations and charts are computed. The public API, in the order a serve uses it:

    template = Template.model_validate(data)          # model.py (or load_templates for a file)
    report = validate_template(template)              # validation.py: per-field errors, for imports
    compiled = compile_template(template)             # compiled.py: once per template, then cached
    drawn = draw(compiled, seed)                      # drawing.py: seeded by the served id
    question = render(compiled, drawn, "ru")          # rendering.py: the bank's question shape
    png = render_chart(compiled, drawn, "ru")         # charts.py: PNG bytes or None
    errors = chosen_params_errors(template, params)   # preview.py: chosen parameters are the template's
    drawn = evaluate(compiled, params)                # chosen or kept parameters -> Draw | Rejection
"""

from actors.calculated.charts import chart_data, chart_png, render_chart
from actors.calculated.compiled import CompiledTemplate, compile_template
from actors.calculated.drawing import MAX_TRIES, Draw, Rejection, draw, evaluate
from actors.calculated.errors import (
    DrawFailed,
    EvaluationError,
    ExpressionError,
    FieldError,
    TemplateInvalid,
)
from actors.calculated.loading import TemplateFile, load_templates
from actors.calculated.model import Template
from actors.calculated.preview import chosen_params_errors
from actors.calculated.rendering import RenderedQuestion, render
from actors.calculated.validation import ValidationReport, draw_problems, validate_template

__all__ = [
    "MAX_TRIES",
    "CompiledTemplate",
    "Draw",
    "DrawFailed",
    "EvaluationError",
    "ExpressionError",
    "FieldError",
    "Rejection",
    "RenderedQuestion",
    "Template",
    "TemplateFile",
    "TemplateInvalid",
    "ValidationReport",
    "chart_data",
    "chart_png",
    "chosen_params_errors",
    "compile_template",
    "draw",
    "draw_problems",
    "evaluate",
    "load_templates",
    "render",
    "render_chart",
    "validate_template",
]
