"""Days and weeks. A user's day is their local calendar day (their timezone from the users table);
leaderboard weeks are ISO weeks on one clock for everybody, so a competition has one deadline."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Europe/Moscow"  # the users table's default
LEADERBOARD_TIMEZONE = ZoneInfo("Europe/Moscow")
DAILY_WINDOW_DAYS = 90


def zone(name: str) -> ZoneInfo:
    """The user's zone; an unknown name falls back to the default instead of losing the answer."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def week_id(moment: datetime) -> str:
    """"2026-W09": sorts like time does (ISO year first, zero-padded week)."""
    year, week, _ = moment.astimezone(LEADERBOARD_TIMEZONE).isocalendar()
    return f"{year}-W{week:02d}"


def window_start(last_day: date) -> date:
    """The first day still kept in a window of DAILY_WINDOW_DAYS ending on `last_day`."""
    return last_day - timedelta(days=DAILY_WINDOW_DAYS - 1)


def run_length(start: date, end: date) -> int:
    return (end - start).days + 1


def merge_runs(runs: list[tuple[date, date]], day: date) -> list[tuple[date, date]]:
    """Adds a day to sorted runs of consecutive days. The runs describe the set of active days,
    so the result does not depend on the order days arrive in (a rebuild gives the same runs)."""
    merged: list[tuple[date, date]] = []
    for start, end in sorted([*runs, (day, day)]):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
