"""POST/DELETE /auth/session: the web app's sign-in, with the token in an HttpOnly cookie
(app/api/session_cookie.py says why); the same login and throttle as POST /auth/login."""
from __future__ import annotations

from datetime import datetime

from aiohttp import web
from pydantic import BaseModel, SecretStr

from actors.users.messages import IssuedToken, LogIn, LogOut, UserView
from app.api.common import ask, client_address
from app.api.schemas import LoginRequest
from app.api.session_cookie import COOKIE, clear_session_cookie, cookie_token, set_session_cookie
from app.api.spec import api


class SessionView(BaseModel):
    expires_at: datetime


@api.post("/auth/session", body=LoginRequest, response=SessionView, status=201, tags=["auth"],
          errors=[401, 429])
async def start_session(request: web.Request, body: LoginRequest) -> web.Response:
    """Sign in for a browser: the token is set as an HttpOnly cookie, never sent in the body.

    The cookie is SameSite=Strict; requests it authenticates must also send the header `X-APO-Client`."""
    issued: IssuedToken = await ask(request, LogIn(email=body.email, password=body.password,
                                                   client_address=client_address(request)))
    response = web.Response(body=SessionView(expires_at=issued.expires_at).model_dump_json(), status=201,
                            content_type="application/json")
    set_session_cookie(request, response, issued.access_token, issued.expires_at)
    return response


@api.delete("/auth/session", status=204, tags=["auth"], auth=True)
async def end_session(request: web.Request, principal: UserView) -> web.Response:
    """Sign out of the browser session: its token is revoked and the cookie cleared.

    A bearer token sent alongside is left alone."""
    token = cookie_token(request)
    if token is not None:
        await ask(request, LogOut(token=SecretStr(token)))
    response = web.Response(status=204)
    if COOKIE in request.cookies:
        clear_session_cookie(request, response)
    return response
