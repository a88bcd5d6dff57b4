"""Chosen parameters (an admin's preview, an attempt's kept parameters after the template changed):
are they the template's parameters, each one of its values? Then evaluate() gives their draw."""

from __future__ import annotations

from collections.abc import Mapping

from actors.calculated.errors import FieldError
from actors.calculated.model import Template


def chosen_params_errors(template: Template, params: Mapping[str, float]) -> list[FieldError]:
    errors = [
        FieldError(field=f"params.{name}", message="not a parameter of this template")
        for name in params
        if name not in template.params
    ]
    for name, spec in template.params.items():
        if name not in params:
            errors.append(FieldError(field=f"params.{name}", message="missing"))
        elif not spec.contains(params[name]):
            allowed = (
                ", ".join(f"{v:g}" for v in spec.values)
                if spec.values is not None
                else f"{spec.min:g} to {spec.max:g} in steps of {spec.step:g}"
            )
            errors.append(
                FieldError(field=f"params.{name}", message=f"{params[name]:g} is not one of {allowed}")
            )
    return errors
