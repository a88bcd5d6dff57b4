"""Who a mailing goes to: a segment as SQL selecting `id, telegram_id` from users, with bound params.

Only fixed fragments are joined; every value travels as a bound parameter. Users without Telegram
or who blocked the bot are never selected.
"""
from __future__ import annotations

from typing import Any

from storage.postgres.tx import Tx

BASE = "SELECT u.id, u.telegram_id FROM users AS u WHERE u.telegram_id IS NOT NULL AND NOT u.bot_blocked"
CONDITIONS = {
    "all": "",
    "grade": " AND u.grade = ANY(%(grades)s)",
    "active_in_subject": """ AND EXISTS (
        SELECT 1 FROM attempts AS a
        JOIN questions AS q ON q.id = a.question_id JOIN subjects AS s ON s.id = q.subject_id
        WHERE a.user_id = u.id AND s.code = %(subject)s
          AND a.created_at > now() - make_interval(days => %(days)s))""",
    # Inactive: registered before the window and no attempt inside it.
    "inactive": """ AND u.created_at < now() - make_interval(days => %(days)s) AND NOT EXISTS (
        SELECT 1 FROM attempts AS a
        WHERE a.user_id = u.id AND a.created_at > now() - make_interval(days => %(days)s))""",
    "only_me": " AND u.id = %(user_id)s",
}
PARAMS = {"all": (), "grade": ("grades",), "active_in_subject": ("subject", "days"), "inactive": ("days",),
          "only_me": ("user_id",)}


def segment_sql(kind: str, **values: Any) -> tuple[str, dict[str, Any]]:
    """(SQL, params) for a segment kind; raises ValueError for an unknown kind or a missing value."""
    if kind not in CONDITIONS:
        raise ValueError(f"unknown segment kind {kind!r}")
    params = {}
    for name in PARAMS[kind]:
        if values.get(name) is None:
            raise ValueError(f"segment {kind!r} needs {name!r}")
        params[name] = list(values[name]) if name == "grades" else values[name]
    return BASE + CONDITIONS[kind], params


async def count_segment(tx: Tx, sql: str, params: dict[str, Any]) -> int:
    return int(await tx.fetchval(f"SELECT count(*) FROM ({sql}) AS audience", params) or 0)
