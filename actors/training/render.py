"""Records -> replies: what a student may see of a question, and the correct answer put into words."""
from __future__ import annotations

from actors.training.views import QuestionView, SourceView
from storage.postgres.questions_repo import QuestionRecord


def source_view(question: QuestionRecord) -> SourceView | None:
    if question.source_id is None:
        return None
    return SourceView(id=question.source_id, olympiad=question.olympiad, stage=question.stage,
                      year=question.year)


def question_view(question: QuestionRecord, served_id: int, session_id: int | None) -> QuestionView:
    """Everything but correct_answer, tolerance and explanation."""
    return QuestionView(
        served_id=served_id, session_id=session_id, question_id=question.id,
        subject=question.subject, subject_name=question.subject_name, theme=question.theme,
        type=question.type, text=question.text, options=tuple(question.options), points=question.points,
        difficulty=question.difficulty, image=question.image, may_in_subway=question.may_in_subway,
        source=source_view(question))


def _number(value: float) -> str:
    return f"{value:g}"


def correct_answer_text(question: QuestionRecord) -> str:
    """"Да" / "Нет"; "3) had left" (options numbered from 1, as people count);
    "1) …; 3) …"; the first accepted open answer, with "± tolerance" when there is one."""
    answer = question.correct_answer
    if question.type == "yes_no":
        return "Да" if answer else "Нет"
    if question.type == "one":
        return f"{answer + 1}) {question.options[answer]}"
    if question.type == "multiple":
        return "; ".join(f"{i + 1}) {question.options[i]}" for i in answer)
    text = answer[0]
    if question.tolerance:
        text += f" (± {_number(question.tolerance)})"
    return text
