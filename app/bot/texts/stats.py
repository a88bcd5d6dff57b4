"""Statistics (summary caption, chart labels) and the leaderboard."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from actors.stats.messages import Leaderboard, LeaderboardEntry, ThemeStats, UserStats
from app.bot.charts import ChartTexts
from app.bot.texts.common import quote

SUBJECTS_SHOWN = 8  # every subject answered, as long as a photo caption (1,024 characters) holds them
MIN_FOR_WEAKEST = 3  # answers in a theme before it can be called the weakest
NAME_CHARS = 100     # the bank allows 100; with 4 names the caption stays well under 1024


def menu_button() -> str:
    return _("📊 Statistics")


def leaderboard_button() -> str:
    return _("🏆 Leaderboard")


def back_to_stats_button() -> str:
    return _("« Statistics")


def week_button() -> str:
    return _("This week")


def all_time_button() -> str:
    return _("All time")


def all_subjects_button() -> str:
    return _("All subjects")


def number(value: float) -> str:
    """12.0 -> "12", 12.5 -> "12.5" (points are kept to cents)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def no_answers() -> str:
    return _("📊 <b>Statistics</b>\nNo answers yet. Solve a few questions in training, and your progress "
             "will appear here: accuracy by theme, points, the days you practised.")


def weakest(themes: tuple[ThemeStats, ...]) -> ThemeStats | None:
    """The lowest accuracy among themes with a few answers (any theme when none has that many)."""
    tried = [t for t in themes if t.attempts >= MIN_FOR_WEAKEST] or [t for t in themes if t.attempts]
    worst = min(tried, key=lambda t: (t.accuracy, -t.attempts, t.theme), default=None)
    return worst if worst is not None and worst.accuracy < 1 else None


def summary(stats: UserStats, subject_names: dict[str, str]) -> str:
    totals, streak = stats.totals, stats.streak
    lines = [
        _("📊 <b>Your statistics</b>"),
        "",
        _("Answers: {attempts}, correct: {correct} ({accuracy})").format(
            attempts=totals.attempts, correct=totals.correct, accuracy=percent(totals.accuracy)),
        _("Points: {points} of {max_points}").format(points=number(totals.points),
                                                     max_points=totals.max_points),
        _("Days in a row: {current} (best: {best})").format(current=streak.current, best=streak.best),
        _("This week: answers {attempts}, points {points}").format(attempts=stats.week.attempts,
                                                                   points=number(stats.week.points)),
    ]
    if totals.average_time_ms is not None:
        seconds = number(round(totals.average_time_ms / 1000, 1))
        lines.append(_("Average time: {seconds} s").format(seconds=seconds))
    lines += ["", _("<b>By subject</b>")]
    for subject in stats.subjects[:SUBJECTS_SHOWN]:
        name = _short(subject_names.get(subject.subject, subject.subject))
        lines.append(_("• {subject}: {accuracy} (answers: {attempts})").format(
            subject=name, attempts=subject.attempts, accuracy=percent(subject.accuracy)))
    if len(stats.subjects) > SUBJECTS_SHOWN:
        lines.append(_("• and {count} more").format(count=len(stats.subjects) - SUBJECTS_SHOWN))
    if (theme := weakest(stats.themes)) is not None:
        lines += ["", _("Weakest theme: {theme} (accuracy {accuracy}, answers: {attempts})").format(
            theme=_short(theme.theme), accuracy=percent(theme.accuracy), attempts=theme.attempts)]
    return "\n".join(lines)


def chart_texts(days: int) -> ChartTexts:
    return ChartTexts(themes_title=_("Accuracy by theme (answers)"),
                      days_title=_("Answers in the last {days} days").format(days=days),
                      answers=_("answers"), correct=_("correct"), no_data=_("No data yet"))


def leaderboard(board: Leaderboard, subject_name: str | None, me_id: int) -> str:
    period = (_("this week") if board.period == "week" else _("all time"))
    scope = quote(subject_name) if subject_name else _("all subjects")
    lines = [_("🏆 <b>Leaderboard</b>: {period}, {scope}").format(period=period, scope=scope), ""]
    lines += [_entry(e, e.user_id == me_id) for e in board.entries] or [_("Nobody has points here yet.")]
    lines.append("")
    if board.me is None:
        lines.append(_("You are not on this board yet: answer questions to earn points."))
    else:
        lines.append(_("Your place: <b>{rank}</b>, points: {points}").format(
            rank=board.me.rank, points=number(board.me.points)))
    return "\n".join(lines)


def _entry(entry: LeaderboardEntry, mine: bool) -> str:
    name = quote(entry.display_name) if entry.display_name is not None else _("(deleted account)")
    line = _("{rank}. {name}: {points} points").format(rank=entry.rank, name=name,
                                                       points=number(entry.points))
    return f"<b>{line}</b> 👈" if mine else line


def _short(name: str) -> str:
    return quote(name if len(name) <= NAME_CHARS else name[:NAME_CHARS - 1] + "…")
