"""Olympiad simulation texts: choosing a paper, the paper's question screens, the result and review."""
from __future__ import annotations

from typing import Any

from aiogram.utils.i18n import gettext as _

from actors.training.messages import (
    ItemVerdict,
    SimulationItem,
    SimulationPaper,
    SimulationView,
    SourceView,
    ThemeDebrief,
)
from app.bot.texts import training
from app.bot.texts.common import quote

SIZE, MINUTES = 8, 20  # the paper the bot offers


def menu_button() -> str:
    return _("🏆 Olympiad simulation")


def stage_name(stage: str) -> str:
    names = {"school": _("school stage"), "municipal": _("municipal stage"),
             "regional": _("regional stage"), "final": _("final stage")}
    return names.get(stage, stage)


def source_label(source: SourceView | SimulationPaper) -> str:
    """Plain text (a button label): quote it for HTML."""
    return f"{source.olympiad} · {stage_name(source.stage)} {source.year}"


def paper_title(view: SimulationView) -> str:
    return f"🏆 <b>{quote(view.subject_name)}</b> · {quote(source_label(view.source))}"


def time_left(seconds: int) -> str:
    return _("⏱ {time} left").format(time=f"{seconds // 60}:{seconds % 60:02d}")


def choose_subject() -> str:
    return _("🏆 <b>Olympiad simulation</b>\nA timed paper from one olympiad stage: {size} questions, "
             "{minutes} minutes. You see the verdicts only at the end, with a debrief by theme.\n\n"
             "Choose a subject:").format(size=SIZE, minutes=MINUTES)


def no_papers() -> str:
    return _("There are no papers to sit yet. Please come back later.")


def choose_paper(subject_name: str) -> str:
    return _("🏆 <b>{subject}</b>\nChoose a paper:").format(subject=quote(subject_name))


def confirm_start(paper: SimulationPaper) -> str:
    return _("🏆 <b>{subject}</b> · {source}\nQuestions: {size} · time: {minutes} min\n\n"
             "The timer starts when you press Start. Until you finish you can go back and change "
             "answers.").format(subject=quote(paper.subject_name), source=quote(source_label(paper)),
                                size=SIZE, minutes=MINUTES)


def not_enough_questions() -> str:
    return _("This paper has too few questions now. Please choose another one.")


def in_progress() -> str:
    return _("⏳ Your paper is still in progress.")


def question_screen(view: SimulationView, item: SimulationItem, notice: str | None) -> str:
    answered = sum(1 for i in view.items if i.answer is not None)
    q = item.question
    status = _("Question {position} of {size} · answered: {answered}").format(
        position=item.position, size=view.size, answered=answered)
    if item.answer is None:
        tail = f"<i>{training.hint(q)}</i>"
    else:
        tail = _("Your answer: {answer}").format(answer=given_answer(q.type, item.answer))
        if q.type == "multiple":
            tail += f"\n<i>{training.hint(q)}</i>"
        elif q.type == "open":
            tail += "\n<i>" + _("Send another message to change it.") + "</i>"
    status += f" · {time_left(view.seconds_left)}"
    head = "\n".join([notice, paper_title(view), status] if notice else [paper_title(view), status])
    return f"{head}\n\n{training.body(q)}\n{training.RULE}\n{tail}"


def given_answer(question_type: str, answer: Any) -> str:
    if answer is None:
        return _("not answered")
    if question_type == "yes_no":
        return training.yes_no(bool(answer))
    if question_type == "one":
        return str(answer + 1)
    if question_type == "multiple":
        return ", ".join(str(i + 1) for i in answer) or "—"
    return quote(str(answer))


def confirm_finish(view: SimulationView) -> str:
    answered = sum(1 for i in view.items if i.answer is not None)
    return _("Hand in the paper? Answered: {answered} of {size} · {left}\n"
             "After that the answers cannot be changed.").format(
        answered=answered, size=view.size, left=time_left(view.seconds_left))


def deadline_passed() -> str:
    return _("Time is up: this answer came too late.")


def _mark(verdict: ItemVerdict) -> str:
    if verdict.answer is None:
        return "➖"
    return "✅" if verdict.correct else ("🟡" if verdict.points > 0 else "❌")


def _theme_line(theme: ThemeDebrief) -> str:
    return _("• {theme}: correct {correct} of {questions} · {points} of {max} points").format(
        theme=quote(theme.theme), correct=theme.correct, questions=theme.questions,
        points=training.number(theme.points), max=theme.max_points)


def result(view: SimulationView) -> str:
    r = view.result
    assert r is not None
    lines = [_("⏰ <b>Time is up!</b> The paper was handed in automatically.") if r.timed_out
             else _("🏁 <b>Paper handed in</b>"), paper_title(view), "",
             _("Points: {points} of {max}").format(points=training.number(r.points), max=r.max_points),
             _("Correct: {correct} of {size} · answered: {answered}").format(
                 correct=r.correct, size=r.size, answered=r.answered),
             "", _("<b>By theme</b> (weakest first):"), *map(_theme_line, r.themes),
             "", _("<b>Questions</b>:")]
    lines += [f"{v.position}. {_mark(v)} {quote(v.theme)} · {training.number(v.points)}/{v.max_points}"
              for v in r.items]
    lines += ["", _("Press a number to see the question with its explanation.")]
    return "\n".join(lines)


def review(view: SimulationView, position: int) -> str:
    assert view.result is not None
    verdict = view.result.items[position - 1]
    q = view.items[position - 1].question
    head = _("Question {position} of {size}").format(position=position, size=view.size)
    lines = [f"{_mark(verdict)} <b>{head}</b>", training.body(q), training.RULE,
             _("Your answer: {answer}").format(answer=given_answer(q.type, verdict.answer)),
             _("Points: {points} of {max}").format(points=training.number(verdict.points),
                                                   max=verdict.max_points)]
    if not verdict.correct:
        lines.append(_("Correct answer: {answer}").format(answer=training.answer_text(verdict)))
    lines.append(f"💡 {quote(verdict.explanation)}")
    return "\n".join(lines)


# Buttons

def start_button() -> str:
    return _("▶️ Start")


def finish_button() -> str:
    return _("🏁 Hand in")


def confirm_finish_button() -> str:
    return _("🏁 Yes, hand in")


def back_to_paper_button() -> str:
    return _("« Back to the paper")


def result_button() -> str:
    return _("« Result")


def another_button() -> str:
    return _("🏆 Another paper")
