"""Training over REST: next question, answer, skip, finish a session, report a question."""
from __future__ import annotations

from typing import Literal

from aiohttp import web
from pydantic import Field

from actors.adaptive.messages import (
    AdaptiveQuestion,
    GetNextAdaptiveQuestion,
    GetNextReview,
)
from actors.training.messages import (
    AnswerResult,
    FinishSession,
    GetNextQuestion,
    QuestionView,
    ReportQuestion,
    ReportView,
    SessionSummary,
    SkipQuestion,
    SubmitAnswer,
)
from actors.users.messages import UserView
from app.api.common import ask
from app.api.schemas import (
    AnswerRequest,
    ReportRequest,
    SessionPath,
    SessionQuery,
    SkipRequest,
)
from app.api.spec import api


class NextQuery(SessionQuery):
    mode: Literal["training", "adaptive", "mistakes"] = Field(
        "training", description="training: the usual order; adaptive: about 75% predicted success for you; "
                                "mistakes: your mistakes due for review (404 when none is due)")


@api.get("/training/next", query=NextQuery, response=QuestionView | AdaptiveQuestion, tags=["training"],
         auth=True, errors=[404, 409])
async def next_question(request: web.Request, query: NextQuery, principal: UserView) -> QuestionView:
    """The next question (never with its answer): for your filters, adaptive to your rating, or a mistake
    due for review. Unanswered ones come back unchanged; answer any of them with /training/answers."""
    fields = {"user_id": principal.id, "channel": "api", "session_id": query.session_id}
    if query.mode == "adaptive":
        return await ask(request, GetNextAdaptiveQuestion(**fields))
    if query.mode == "mistakes":
        return await ask(request, GetNextReview(**fields))
    return await ask(request, GetNextQuestion(**fields))


@api.post("/training/answers", body=AnswerRequest, response=AnswerResult, tags=["training"], auth=True,
          errors=[404, 409])
async def submit_answer(request: web.Request, body: AnswerRequest, principal: UserView) -> AnswerResult:
    """Grade an answer on the server; retrying the same served_id returns the first verdict."""
    return await ask(request, SubmitAnswer(user_id=principal.id, channel="api", **body.model_dump()))


@api.post("/training/skip", body=SkipRequest, status=204, tags=["training"], auth=True, errors=[404, 409])
async def skip_question(request: web.Request, body: SkipRequest, principal: UserView) -> None:
    """Skip the shown question."""
    await ask(request, SkipQuestion(user_id=principal.id, served_id=body.served_id))


@api.post("/training/sessions/{session_id}/finish", path=SessionPath, response=SessionSummary,
          tags=["training"], auth=True, errors=[404])
async def finish_session(request: web.Request, path: SessionPath, principal: UserView) -> SessionSummary:
    """Close a training session and get its summary."""
    return await ask(request, FinishSession(user_id=principal.id, session_id=path.session_id))


@api.post("/reports", body=ReportRequest, response=ReportView, status=201, tags=["training"], auth=True,
          errors=[404])
async def report_question(request: web.Request, body: ReportRequest, principal: UserView) -> ReportView:
    """Report a mistake in a question; admins review reports."""
    return await ask(request, ReportQuestion(user_id=principal.id, question_id=body.question_id,
                                             text=body.text.strip()))
