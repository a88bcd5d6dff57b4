"""The REST frame shared by the user API (app/api) and the admin API (app/admin).

    setup_http(app)                              # middlewares: request id, timing, problem+json
    register_error(app, ActorBusy, 503, "Busy", "busy", retry_after=1)
    api = ApiSpec("APO Trainer API", "1", "/api/v1")

    @api.post("/auth/login", body=LoginRequest, response=TokenResponse, errors=[401])
    async def login(request, body: LoginRequest) -> TokenResponse: ...

    api.set_authenticator(resolve_bearer_token)  # async (request) -> principal | None
    api.setup(app)                               # routes + /api/v1/openapi.json + /api/docs
"""

from app.http.binding import PRINCIPAL_KEY
from app.http.error_mappers import ERROR_MAPPERS, ErrorMappers, register_error
from app.http.openapi import build_openapi
from app.http.problem_response import (
                               PROBLEM_CONTENT_TYPE,
                               REQUEST_ID_KEY,
                               Problem,
                               ValidationProblem,
)
from app.http.problems import (
                               PROBLEM_BASE,
                               BadRequest,
                               Conflict,
                               Forbidden,
                               MalformedBody,
                               NotFound,
                               PayloadTooLarge,
                               ProblemError,
                               ServiceUnavailable,
                               TooManyRequests,
                               Unauthorized,
                               UnsupportedMediaType,
                               ValidationFailed,
)
from app.http.request_id import REQUEST_ID_HEADER
from app.http.routes import DEFAULT_MAX_BODY, ApiSpec, Route
from app.http.setup import setup_http

__all__ = [
                               "DEFAULT_MAX_BODY",
                               "ERROR_MAPPERS",
                               "PRINCIPAL_KEY",
                               "PROBLEM_BASE",
                               "PROBLEM_CONTENT_TYPE",
                               "REQUEST_ID_HEADER",
                               "REQUEST_ID_KEY",
                               "ApiSpec",
                               "BadRequest",
                               "Conflict",
                               "ErrorMappers",
                               "Forbidden",
                               "MalformedBody",
                               "NotFound",
                               "PayloadTooLarge",
                               "Problem",
                               "ProblemError",
                               "Route",
                               "ServiceUnavailable",
                               "TooManyRequests",
                               "Unauthorized",
                               "UnsupportedMediaType",
                               "ValidationFailed",
                               "ValidationProblem",
                               "build_openapi",
                               "register_error",
                               "setup_http",
]
