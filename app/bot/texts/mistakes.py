"""Work on mistakes: the due count, "nothing due", the header of a review card."""
from __future__ import annotations

import math
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiogram.utils.i18n import gettext as _

from actors.adaptive.messages import DueReviews


def menu_button() -> str:
    return _("🔁 Work on mistakes")


def start_button() -> str:
    return _("▶️ Review now")


def local_time(moment: datetime, timezone: str) -> str:
    try:
        moment = moment.astimezone(ZoneInfo(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return moment.strftime("%d.%m %H:%M")


def screen(due: DueReviews, timezone: str) -> str:
    lines = [_("🔁 <b>Work on mistakes</b>"), "",
             _("Questions you got wrong come back on a spaced-repetition schedule.")]
    if due.due:
        lines.append(_("Due for review now: {count}").format(count=due.due))
    else:
        lines.append(nothing_due(due.next_due_at, timezone))
    return "\n".join(lines)


def nothing_due(next_due_at: datetime | None, timezone: str) -> str:
    if next_due_at is None:
        return _("🎉 Nothing to review: no mistakes are scheduled.")
    # The wait beside the clock time: a time in the account's zone alone misleads anyone elsewhere.
    return _("🎉 Nothing to review right now. The next review is due at {time} (in {wait}).").format(
        time=local_time(next_due_at, timezone), wait=wait_text(next_due_at - datetime.now(UTC)))


def wait_text(wait: object) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))  # type: ignore[attr-defined]
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    if minutes < 24 * 60:
        return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=minutes % 60)
    return _("{days} d").format(days=round(minutes / (24 * 60)))


def card_head(due: int) -> str:
    return _("🔁 Work on mistakes · due: {count}").format(count=due)
