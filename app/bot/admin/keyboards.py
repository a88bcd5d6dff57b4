"""Admin keyboards and their callback data (prefixes start with "adm")."""
from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from actors.users.messages import Grade, UserView
from app.bot.admin.texts import button
from app.http.ids import IdOrZero


class SegmentPick(CallbackData, prefix="admseg"):
    kind: str         # all | only_me | grade | active_in_subject | inactive | grade_menu | subject_menu
    value: str = ""   # the grade, the subject code or the days


class MailingAction(CallbackData, prefix="admmail"):
    action: str       # start | cancel_draft | pause | resume | cancel | results
    mailing_id: IdOrZero = 0


class ExportPick(CallbackData, prefix="admexp"):
    kind: str
    days: int = 0     # attempts: the last N days (0: all)
    mailing_id: IdOrZero = 0


def _rows(*rows: list[tuple[str, CallbackData]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data.pack()) for label, data in row] for row in rows])


def segments(user: UserView) -> InlineKeyboardMarkup:
    return _rows([(button(user, "all"), SegmentPick(kind="all")), (button(user, "only_me"), SegmentPick(kind="only_me"))],
                 [(button(user, "grade"), SegmentPick(kind="grade_menu")),
                  (button(user, "active"), SegmentPick(kind="subject_menu"))],
                 [(button(user, "inactive7"), SegmentPick(kind="inactive", value="7")),
                  (button(user, "inactive30"), SegmentPick(kind="inactive", value="30"))],
                 [(button(user, "cancel"), MailingAction(action="cancel_draft"))])


def grades(user: UserView) -> InlineKeyboardMarkup:
    picks = [(g.value, SegmentPick(kind="grade", value=g.value)) for g in Grade]
    return _rows(picks[:4], picks[4:7], picks[7:], [(button(user, "cancel"), MailingAction(action="cancel_draft"))])


def subjects(user: UserView, codes: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    picks = [(name, SegmentPick(kind="active_in_subject", value=code)) for code, name in codes]
    return _rows(*[picks[i:i + 2] for i in range(0, len(picks), 2)],
                 [(button(user, "cancel"), MailingAction(action="cancel_draft"))])


def confirm(user: UserView, mailing_id: int) -> InlineKeyboardMarkup:
    return _rows([(button(user, "start"), MailingAction(action="start", mailing_id=mailing_id)),
                  (button(user, "cancel"), MailingAction(action="cancel", mailing_id=mailing_id))])


def progress(user: UserView, mailing_id: int, status: str) -> InlineKeyboardMarkup | None:
    if status == "running":
        return _rows([(button(user, "pause"), MailingAction(action="pause", mailing_id=mailing_id)),
                      (button(user, "stop"), MailingAction(action="cancel", mailing_id=mailing_id))])
    if status == "paused":
        return _rows([(button(user, "resume"), MailingAction(action="resume", mailing_id=mailing_id)),
                      (button(user, "stop"), MailingAction(action="cancel", mailing_id=mailing_id))])
    if status in ("finished", "cancelled"):
        return _rows([(button(user, "results"), ExportPick(kind="mailing", mailing_id=mailing_id))])
    return None


def exports(user: UserView) -> InlineKeyboardMarkup:
    return _rows([(button(user, "users"), ExportPick(kind="users")),
                  (button(user, "statistics"), ExportPick(kind="statistics"))],
                 [(button(user, "attempts30"), ExportPick(kind="attempts", days=30)),
                  (button(user, "attempts"), ExportPick(kind="attempts"))],
                 [(button(user, "questions"), ExportPick(kind="questions"))])
