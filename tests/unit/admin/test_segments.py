"""Segment SQL: fixed fragments plus bound parameters, one per segment kind."""
from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from actors.mailing.ledger import audience_sql
from actors.mailing.messages import Segment
from storage.postgres.mailing_segments import BASE, segment_sql

SEGMENT = TypeAdapter(Segment)


@pytest.mark.parametrize(("segment", "params", "fragment"), [
    ({"kind": "all"}, {}, None),
    ({"kind": "grade", "grades": ["9", "10"]}, {"grades": ["9", "10"]}, "u.grade = ANY(%(grades)s)"),
    ({"kind": "active_in_subject", "subject": "economics", "days": 14}, {"subject": "economics", "days": 14},
     "s.code = %(subject)s"),
    ({"kind": "inactive", "days": 30}, {"days": 30}, "NOT EXISTS"),
    ({"kind": "only_me"}, {"user_id": 42}, "u.id = %(user_id)s"),
])
def test_each_segment_is_the_base_query_plus_its_condition(segment, params, fragment):
    parsed = SEGMENT.validate_python(segment).model_dump(mode="json")
    sql, bound = audience_sql(parsed, created_by=42)
    assert sql.startswith(BASE) and bound == params
    assert "NOT u.bot_blocked" in sql and "u.telegram_id IS NOT NULL" in sql
    if fragment:
        assert fragment in sql


def test_values_never_reach_the_sql_text():
    sql, params = segment_sql("active_in_subject", subject="x'; DROP TABLE users; --", days=1)
    assert "DROP" not in sql and params["subject"].startswith("x'")


@pytest.mark.parametrize(("kind", "values"), [("unknown", {}), ("grade", {}), ("inactive", {"days": None}),
                                              ("only_me", {})])
def test_unknown_kinds_and_missing_values_are_refused(kind, values):
    with pytest.raises(ValueError):
        segment_sql(kind, **values)


@pytest.mark.parametrize("segment", [{"kind": "grade", "grades": []}, {"kind": "grade", "grades": ["12"]},
                                     {"kind": "inactive", "days": 0}, {"kind": "active_in_subject", "subject": "A B"},
                                     {"kind": "everyone"}, {"kind": "all", "extra": 1}])
def test_bad_segments_do_not_validate(segment):
    with pytest.raises(ValidationError):
        SEGMENT.validate_python(segment)
