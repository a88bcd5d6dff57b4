"""Mounts the REST API: routes, OpenAPI document, docs page and the domain-error table."""
from __future__ import annotations

from aiohttp import web
from pydantic import ValidationError

from actors.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited, Unauthenticated
from actors.runtime import ActorBusy, ActorStopped, AskTimeout
from app.api import (adaptive_routes, auth_routes, filters_routes, me_routes,  # noqa: F401 (declares routes)
                     session_routes, simulation_routes, stats_routes, training_routes)
from app.api.common import authenticate
from app.api.spec import api
from app.http import register_error
from storage.postgres import MissingReference, StoreUnavailable


def register_domain_errors(app: web.Application) -> None:
    """Domain error kinds → statuses; their messages are written for users, so they become `detail`."""
    for kind, status, title in (
        (NotFound, 404, "Not found"), (Conflict, 409, "Conflict"), (Unauthenticated, 401, "Unauthorized"),
        (Forbidden, 403, "Forbidden"), (InvalidInput, 422, "Unprocessable content"),
        (RateLimited, 429, "Too many requests"),
    ):
        register_error(app, kind, status, title, detail_from_exc=True)
    # The edge builds a message from a parsed body; a rule the body model does not repeat
    # (e.g. an id >= 1) then fails here: still the client's input, so 422, never 500.
    register_error(app, ValidationError, 422, "Unprocessable content", "validation")
    # Only users rows are ever deleted, so a write refused for a missing reference acts for an account
    # deleted (or merged away) while its request was in flight or its token cached on another instance.
    register_error(app, MissingReference, 401, "Unauthorized", "account_gone")
    for busy in (ActorBusy, AskTimeout, ActorStopped, StoreUnavailable):
        register_error(app, busy, 503, "Service temporarily unavailable", "unavailable", retry_after=1)


def setup_api(app: web.Application) -> None:
    api.set_authenticator(authenticate)
    api.setup(app)
