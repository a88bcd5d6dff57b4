"""Spreadsheet cells -> the values of the JSON format. Each converter returns a value or raises
CellError with a message for the row's error list. A formula cell arrives as its text ("=1+1"):
it is never evaluated, so it is text like any other."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

_TRUE = {"да", "yes", "true", "1", "y", "д", "истина", "+"}
_FALSE = {"нет", "no", "false", "0", "n", "н", "ложь", "-"}
_NUMBER_LIST = re.compile(r"[\s,;]+")


class CellError(ValueError):
    pass


def text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (bool, datetime, date, time)):
        raise CellError(f"expected text, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a text column: 50 rather than 50.0
    return str(value)


def integer(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(f"expected a whole number, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    raise CellError(f"expected a whole number, got {value!r}")


def number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            pass
    raise CellError(f"expected a number, got {value!r}")


def boolean(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    word = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(f"expected да/нет (yes/no), got {value!r}")


def correct(value: Any, question_type: str | None) -> Any:
    """yes_no: да/нет; one: an option number (from 1); multiple: option numbers "1, 3"; open:
    accepted answers separated by "|". Option numbers become 0-based indices, as in JSON."""
    if value is None or value == "":
        return None
    if question_type == "yes_no":
        return boolean(value)
    if question_type == "one":
        return integer(value) - 1  # type: ignore[operator]
    if question_type == "multiple":
        if isinstance(value, str):
            parts = [p for p in _NUMBER_LIST.split(value.strip()) if p]
            return [integer(p) - 1 for p in parts]  # type: ignore[operator]
        return [integer(value) - 1]  # type: ignore[operator]
    if question_type == "open":
        return [part.strip() for part in text(value).split("|") if part.strip()]  # type: ignore[union-attr]
    return text(value)  # an unknown type is reported on the "type" column
