"""What can go wrong in training and simulations, as domain error kinds the edges understand."""
from actors.errors import Conflict, InvalidInput, NotFound


class NoQuestionMatches(NotFound):
    """No question in the bank matches your filters."""
    code = "no_question_matches_filters"


class SessionExhausted(NotFound):
    """Every question that matches your filters was shown in this session: finish it (its id is in
    session_id) and the next question starts a new one."""
    code = "session_exhausted"

    def __init__(self, session_id: int | None = None) -> None:
        super().__init__()
        self.session_id = session_id  # the session to finish (the caller may not know it: session_id=None)

    def problem_fields(self) -> dict[str, int]:
        return {"session_id": self.session_id} if self.session_id is not None else {}


class SessionNotFound(NotFound):
    """No such training session."""
    code = "session_not_found"


class SessionFinished(Conflict):
    """This training session is finished; start a new one."""
    code = "session_finished"


class ServedQuestionNotFound(NotFound):
    """No such question was shown to you."""
    code = "served_question_not_found"


class QuestionNotFound(NotFound):
    """No such question."""
    code = "question_not_found"


class QuestionSkippedAlready(Conflict):
    """This question was skipped; it can no longer be answered."""
    code = "question_skipped"


class QuestionAnsweredAlready(Conflict):
    """This question is already answered; it cannot be skipped."""
    code = "question_answered"


class AnswerShapeInvalid(InvalidInput):
    """The answer does not fit the question's type."""
    code = "answer_shape_invalid"


class ReportNotFound(NotFound):
    """No such report."""
    code = "report_not_found"


class NotEnoughQuestions(NotFound):
    """The bank has too few questions for this paper."""
    code = "not_enough_questions"


class SimulationNotFound(NotFound):
    """No such simulation."""
    code = "simulation_not_found"


class SimulationInProgress(Conflict):
    """You already have a simulation in progress; finish it first."""
    code = "simulation_in_progress"

    def __init__(self, simulation_id: int) -> None:
        super().__init__(f"simulation {simulation_id} is in progress; finish it first")
        self.simulation_id = simulation_id


class SimulationClosed(Conflict):
    """This simulation is finished; its answers can no longer change."""
    code = "simulation_finished"


class SimulationDeadlinePassed(Conflict):
    """Time is up: the simulation was finished and this answer was not accepted."""
    code = "simulation_deadline_passed"
