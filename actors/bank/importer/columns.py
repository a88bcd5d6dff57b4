"""The xlsx import format: one sheet, a header row with these column names (any order, case-insensitive),
one question per row. The exporter writes the same columns, so an export imports back unchanged."""
from __future__ import annotations

from actors.bank.importer.draft import MAX_OPTIONS

REQUIRED = ("external_id", "subject", "theme", "type", "text", "correct", "explanation", "difficulty")
SOURCE = ("olympiad", "stage", "year")  # all three, or none: a question without a source
OPTIONS = tuple(f"option_{i}" for i in range(1, MAX_OPTIONS + 1))
OPTIONAL = ("subject_name", *SOURCE, "tolerance", "may_in_subway", "points", "image", *OPTIONS)
ALL = frozenset(REQUIRED + OPTIONAL)

# The order the exporter writes (option columns are cut to the longest question's options).
EXPORT_ORDER = ("external_id", "subject", "subject_name", "theme", "olympiad", "stage", "year", "type",
                "text", *OPTIONS, "correct", "tolerance", "explanation", "may_in_subway", "difficulty",
                "points", "image")
SHEET = "questions"
