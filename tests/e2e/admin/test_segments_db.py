"""Each segment selects the right users on a real PostgreSQL (and never the blocked or Telegram-less)."""
from __future__ import annotations

import pytest

from actors.mailing.ledger import MailingLedger, audience_sql
from app.paths import SQL_DIR
from storage.postgres import Database
from storage.postgres.migrate import migrate
from storage.postgres.recipients_repo import RecipientsRepository
from tests.e2e.admin.helpers import sql

# telegram_id: (grade, registered days ago, [(subject, attempt days ago)], bot_blocked)
PEOPLE = {
    1: ("9", 1, [], False),
    2: ("10", 60, [], False),                                  # inactive for 30 and 7 days
    3: ("9", 60, [("economics", 5)], False),                   # active in economics
    4: ("11", 60, [("geography", 40), ("economics", 20)], False),
    5: ("9", 60, [("economics", 1)], True),                    # blocked the bot: never selected
}


@pytest.fixture
async def database(empty_database):
    await migrate(empty_database, SQL_DIR / "postgres")
    await sql(empty_database, """
        INSERT INTO subjects (code, name) VALUES ('economics', 'Экономика'), ('geography', 'География');
        INSERT INTO themes (subject_id, name) SELECT id, 'Тема' FROM subjects;
        INSERT INTO questions (external_id, subject_id, theme_id, type, text, correct_answer, explanation,
                               difficulty, points, content_hash)
        SELECT s.code, s.id, t.id, 'open', 'Вопрос', '"x"', 'Пояснение', 1, 1, 'h'
        FROM subjects AS s JOIN themes AS t ON t.subject_id = s.id;
        INSERT INTO users (email, display_name, grade) VALUES ('no-telegram@example.org', 'Без Telegram', '9');
    """)
    for telegram_id, (grade, age, attempts, blocked) in PEOPLE.items():
        (user_id,), = await sql(empty_database, """
            INSERT INTO users (telegram_id, display_name, grade, bot_blocked, created_at)
            VALUES (%s, 'U', %s, %s, now() - make_interval(days => %s)) RETURNING id""",
                                 (telegram_id, grade, blocked, age))
        for subject, days in attempts:
            await sql(empty_database, """
                WITH session AS (INSERT INTO training_sessions (user_id, channel) VALUES (%(u)s, 'bot') RETURNING id),
                     served AS (INSERT INTO served_questions (user_id, question_id, session_id, channel)
                                SELECT %(u)s, q.id, session.id, 'bot' FROM session, questions q
                                WHERE q.external_id = %(s)s RETURNING id, question_id)
                INSERT INTO attempts (served_id, user_id, question_id, answer, correct, score, points, max_points,
                                      channel, mode, created_at)
                SELECT id, %(u)s, question_id, '"x"', true, 1, 1, 1, 'bot', 'training',
                       now() - make_interval(days => %(d)s) FROM served""", {"u": user_id, "s": subject, "d": days})
    db = Database(empty_database)
    await db.open()
    yield db
    await db.close()


async def telegram_ids(database: Database, segment: dict, created_by: int | None = None) -> set[int]:
    async with database.transaction() as tx:
        rows = await tx.fetchall(*audience_sql(segment, created_by))
    assert await MailingLedger(database, "test", 30).audience(segment, created_by) == len(rows)
    return {row["telegram_id"] for row in rows}


@pytest.mark.parametrize(("segment", "expected"), [
    ({"kind": "all"}, {1, 2, 3, 4}),
    ({"kind": "grade", "grades": ["9"]}, {1, 3}),
    ({"kind": "grade", "grades": ["10", "11"]}, {2, 4}),
    ({"kind": "active_in_subject", "subject": "economics", "days": 30}, {3, 4}),
    ({"kind": "active_in_subject", "subject": "economics", "days": 10}, {3}),
    ({"kind": "active_in_subject", "subject": "geography", "days": 30}, set()),
    ({"kind": "inactive", "days": 30}, {2}),
    ({"kind": "inactive", "days": 7}, {2, 4}),
])
async def test_segments_select_the_right_users(database, segment, expected):
    assert await telegram_ids(database, segment) == expected


async def test_only_me_is_the_creator_and_blocking_can_be_undone(database, empty_database):
    (me,), = await sql(empty_database, "SELECT id FROM users WHERE telegram_id = 3")
    assert await telegram_ids(database, {"kind": "only_me"}, created_by=me) == {3}
    async with database.transaction() as tx:
        await RecipientsRepository().set_bot_blocked(tx, 3, True)
        await RecipientsRepository().set_bot_blocked(tx, 5, False)
    assert await telegram_ids(database, {"kind": "all"}) == {1, 2, 4, 5}
