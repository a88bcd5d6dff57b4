"""A small demo app on the REST frame: two specs (user and admin), each kind of route once."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pytest
from aiohttp import web
from loguru import logger
from pydantic import BaseModel, Field

from app.http import (
    REQUEST_ID_KEY,
    ApiSpec,
    TooManyRequests,
    Unauthorized,
    register_error,
    setup_http,
)


class ActorBusy(Exception):
    """Stands in for the actor runtime's domain exception (the frame must not import actors/)."""


class LoginRequest(BaseModel):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    password: str = Field(min_length=8)


class TokenResponse(BaseModel):
    token: str
    user_id: int


class UserView(BaseModel):
    id: int
    is_admin: bool


class Period(StrEnum):
    week = "week"
    month = "month"


class LeaderboardQuery(BaseModel):
    limit: int = Field(10, ge=1, le=100, description="How many rows to return")
    subject: list[str] = []
    period: Period = Period.week


class Leaderboard(BaseModel):
    limit: int
    subjects: list[str]
    period: Period


class QuestionPath(BaseModel):
    question_id: int


class QuestionPatch(BaseModel):
    text: str = Field(min_length=1)


class QuestionView(BaseModel):
    id: int
    text: str


class Upload(BaseModel):
    blob: str


@dataclass(frozen=True)
class Principal:
    user_id: int
    is_admin: bool


TOKENS = {"user-token": Principal(1, False), "admin-token": Principal(2, True)}


async def bearer_authenticator(request: web.Request) -> Principal | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return TOKENS.get(token) if scheme == "Bearer" else None


def build_user_api() -> ApiSpec:
    api = ApiSpec(title="APO Trainer API", version="1", prefix="/api/v1")

    @api.post("/auth/login", body=LoginRequest, response=TokenResponse, summary="Log in",
              tags=["auth"], errors=[401, 429])
    async def login(request: web.Request, body: LoginRequest) -> TokenResponse:
        if body.password != "correct-horse":
            raise Unauthorized("Wrong email or password.")
        return TokenResponse(token="user-token", user_id=1)

    @api.get("/me", response=UserView, auth=True, tags=["users"])
    async def me(request: web.Request, principal: Principal) -> UserView:
        """The current user."""
        return UserView(id=principal.user_id, is_admin=principal.is_admin)

    @api.get("/stats/leaderboard", query=LeaderboardQuery, response=Leaderboard, tags=["stats"])
    async def leaderboard(request: web.Request, query: LeaderboardQuery) -> Leaderboard:
        return Leaderboard(limit=query.limit, subjects=query.subject, period=query.period)

    @api.patch("/questions/{question_id}", path=QuestionPath, body=QuestionPatch,
               response=QuestionView, admin=True, errors=[404])
    async def edit_question(request: web.Request, path: QuestionPath, body: QuestionPatch) -> QuestionView:
        return QuestionView(id=path.question_id, text=body.text)

    @api.delete("/questions/{question_id:\\d+}", path=QuestionPath, status=204, admin=True)
    async def delete_question(request: web.Request, path: QuestionPath) -> None:
        return None

    @api.get("/export", auth=True, summary="Download my answers as CSV")
    async def export(request: web.Request) -> web.Response:
        return web.Response(body=b"id,answer\n1,a\n", content_type="text/csv",
                            headers={"Content-Disposition": 'attachment; filename="answers.csv"'})

    @api.post("/uploads", body=Upload, response=Upload, max_body=1024)
    async def upload(request: web.Request, body: Upload) -> Upload:
        return body

    @api.get("/limited", errors=[429])
    async def limited(request: web.Request) -> None:
        raise TooManyRequests(retry_after=2.5, detail="Slow down.")

    @api.get("/busy", errors=[503])
    async def busy(request: web.Request) -> None:
        raise ActorBusy("training mailbox is full")

    @api.get("/boom")
    async def boom(request: web.Request) -> None:
        raise RuntimeError("db password=hunter2 leaked in a traceback")

    api.set_authenticator(bearer_authenticator)
    return api


def build_admin_api() -> ApiSpec:
    admin = ApiSpec(title="APO Trainer Admin API", version="1", prefix="/admin/api/v1")

    @admin.get("/mailings", response=list[QuestionView], admin=True, tags=["mailing"])
    async def list_mailings(request: web.Request) -> list[QuestionView]:
        return [QuestionView(id=1, text="hello")]

    admin.set_authenticator(bearer_authenticator)
    return admin


async def raw_json(request: web.Request) -> web.Response:
    """A hand-written handler that reads the body itself, outside any spec."""
    data: Any = await request.json()
    return web.json_response({"got": data, "request_id": request[REQUEST_ID_KEY]})


def create_demo_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    setup_http(app)
    register_error(app, ActorBusy, 503, "Service busy", "busy", retry_after=1)
    build_user_api().setup(app)
    build_admin_api().setup(app)
    app.router.add_post("/raw-json", raw_json)
    return app


@pytest.fixture
async def client(aiohttp_client):
    return await aiohttp_client(create_demo_app())


@pytest.fixture
def log_records():
    """Every loguru record emitted during the test."""
    records: list[dict[str, Any]] = []
    sink_id = logger.add(lambda message: records.append(message.record), level="DEBUG")
    yield records
    logger.remove(sink_id)

