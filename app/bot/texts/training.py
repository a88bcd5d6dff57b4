"""Training texts: the question card, the verdict, the session summary, the report dialog.

A card is the question's body, then RULE, then a hint (how to answer). The verdict keeps the body
(read back from the message) and puts the verdict after RULE, so a repeat renders the same text.
"""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from actors.training.messages import (
    AnswerResult,
    ItemVerdict,
    QuestionView,
    SessionSummary,
)
from app.bot.texts import mistakes
from app.bot.texts.common import quote

RULE = "┈" * 12


def menu_button() -> str:
    return _("🎯 Train")


def number(value: float) -> str:
    return f"{value:g}"


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def body(question: QuestionView) -> str:
    """Subject, theme, points, the question and its numbered options (all quoted)."""
    head = _("📚 <b>{subject}</b> · {theme} · points: {points}").format(
        subject=quote(question.subject_name), theme=quote(question.theme), points=question.points)
    options = "\n".join(f"{i}) {quote(option)}" for i, option in enumerate(question.options, start=1))
    return "\n\n".join(part for part in (head, quote(question.text), options) if part)


def hint(question: QuestionView) -> str:
    if question.type == "yes_no":
        return _("Yes or no?")
    if question.type == "one":
        return _("Choose one answer.")
    if question.type == "multiple":
        return _("Mark every right answer, then press Done.")
    return _("✍️ Send your answer in a message.")


def card(question: QuestionView) -> str:
    head = f"{mistakes.card_head(question.reviews_due)}\n\n" if getattr(question, "mode", "") == "mistakes" else ""
    return f"{head}{body(question)}\n{RULE}\n<i>{hint(question)}</i>"


def answer_text(result: AnswerResult | ItemVerdict) -> str:
    return yes_no(result.correct_answer) if isinstance(result.correct_answer, bool) \
        else quote(result.correct_answer_text)


def verdict(result: AnswerResult) -> str:
    scored = {"points": number(result.points), "max": result.max_points}
    if result.correct:
        lines = [_("✅ <b>Correct!</b> +{points} of {max}").format(**scored)]
    elif result.points > 0:
        lines = [_("🟡 <b>Partly right.</b> +{points} of {max}").format(**scored)]
    else:
        lines = [_("❌ <b>Wrong.</b> 0 of {max}").format(max=result.max_points)]
    if not result.correct:
        lines.append(_("Correct answer: {answer}").format(answer=answer_text(result)))
    lines.append(f"💡 {quote(result.explanation)}")
    return "\n".join(lines)


def verdict_card(question_body: str, result: AnswerResult) -> str:
    return f"{question_body}\n{RULE}\n{verdict(result)}" if question_body else verdict(result)


def summary(s: SessionSummary) -> str:
    return "\n".join([
        _("🏁 <b>Session finished</b>"),
        _("Answered: {answered}, correct: {correct}").format(answered=s.answered, correct=s.correct),
        _("Skipped: {skipped}").format(skipped=s.skipped),
        _("Points: {points} of {max}").format(points=number(s.points), max=s.max_points),
    ])


def no_questions() -> str:
    return _("No questions match your filters yet. Try other filters or come back later.")


def exhausted() -> str:
    return _("🎉 You have seen every question that matches your filters in this session. "
             "Finish it to see the summary; the next session starts afresh.")


def use_buttons() -> str:
    return _("Please answer with the buttons under the question 👆")


def answer_as_text() -> str:
    return _("Please send the answer as a text message.")


def answer_too_long(limit: int) -> str:
    return _("The answer is too long: at most {limit} characters, please.").format(limit=limit)


def pick_something() -> str:
    return _("Mark at least one answer first.")


def no_longer_active() -> str:
    return _("This question is no longer active.")


def already_shown() -> str:
    return _("The question is already below 👇")


def session_over() -> str:
    return _("This session is already finished.")


def ask_report(limit: int) -> str:
    return _("⚠️ What is wrong with this question? Describe it in a message (up to {limit} characters)."
             ).format(limit=limit)


def report_empty() -> str:
    return _("The report is empty. Please describe the problem in a few words.")


def report_too_long(limit: int) -> str:
    return _("The report is too long: at most {limit} characters, please.").format(limit=limit)


def report_as_text() -> str:
    return _("Please describe the problem in a text message.")


def report_thanks() -> str:
    return _("✅ Thank you! The editors will check this question.")


def report_cancelled() -> str:
    return _("The report was cancelled.")


# Buttons

def done_button() -> str:
    return _("✔️ Done")


def next_button() -> str:
    return _("▶️ Next")


def skip_button() -> str:
    return _("⏭ Skip")


def stop_button() -> str:
    return _("⏹ Stop")


def report_button() -> str:
    return _("⚠️ Report a mistake")


def finish_button() -> str:
    return _("🏁 Finish the session")


def again_button() -> str:
    return _("🎯 Train again")
