"""Hot statements are prepared once per connection and run with bound values (real PostgreSQL)."""
from __future__ import annotations

import pytest

from storage.postgres import Database
from storage.postgres.prepared import Prepared

pytestmark = pytest.mark.needs_postgres

ECHO = Prepared("apo_test_echo", "SELECT %(word)s::text AS word, %(n)s::int + %(n)s::int AS twice, '100%%' AS pct")
PREPARED_HERE = "SELECT count(*) FROM pg_prepared_statements WHERE name = 'apo_test_echo'"


def test_named_parameters_become_numbered_ones_in_order_of_first_use():
    assert ECHO.prepare == ("PREPARE apo_test_echo AS SELECT $1::text AS word, $2::int + $2::int AS twice, "
                            "'100%' AS pct")
    assert ECHO.execute == "EXECUTE apo_test_echo (%s, %s)"
    assert ECHO.values({"n": 2, "word": "x", "unused": 0}) == ["x", 2]
    with pytest.raises(KeyError, match="word"):
        ECHO.values({"n": 2})
    with pytest.raises(ValueError):
        Prepared("Robert'); DROP TABLE x; --", "SELECT 1")


async def test_a_statement_is_prepared_once_per_connection_and_values_stay_bound(empty_database):
    db = Database(empty_database, maxsize=1)
    await db.open()
    try:
        for word in ("plain", "it's; DROP TABLE users; --"):
            async with db.autocommit() as tx:
                assert await tx.fetchone(ECHO, {"word": word, "n": 21}) == {"word": word, "twice": 42, "pct": "100%"}
                assert await tx.fetchval(PREPARED_HERE) == 1
        async with db.transaction() as tx:  # inside an explicit transaction too
            assert (await tx.fetchone(ECHO, {"word": "tx", "n": 1}))["twice"] == 2
    finally:
        await db.close()
    await db.open()  # new connections know nothing of the old ones' statements: prepared again
    try:
        async with db.autocommit() as tx:
            assert (await tx.fetchone(ECHO, {"word": "again", "n": 3}))["twice"] == 6
    finally:
        await db.close()


def test_the_next_question_has_one_statement_per_combination_of_active_filters_and_session_kind():
    from storage.postgres.candidates_repo import QuestionCriteria, next_question_statement

    plain = next_question_statement(QuestionCriteria(), by_id=False)
    assert plain.name == "apo_next_latest_0" and "ANY(" not in plain.sql and "BETWEEN" not in plain.sql
    narrowed = next_question_statement(QuestionCriteria(subjects=frozenset({"economics"}), difficulty_max=3),
                                       by_id=False)
    assert narrowed.name == "apo_next_latest_33"
    assert "s.code = ANY(" in narrowed.sql and "BETWEEN" in narrowed.sql and "q.type" not in narrowed.sql
    same = next_question_statement(QuestionCriteria(difficulty_max=3, subjects=frozenset({"history"})), by_id=False)
    assert same is narrowed
    by_id = next_question_statement(QuestionCriteria(), by_id=True)
    assert by_id.name == "apo_next_by_id_0" and by_id is not plain and "INSERT INTO training_sessions" not in by_id.sql
