"""POST /auth/register, /auth/login, /auth/logout."""
from __future__ import annotations

from aiohttp import web
from pydantic import SecretStr

from actors.auth.messages import RegisterFromAddress
from actors.users.messages import IssuedToken, LogIn, LogOut, RegisterAccount, UserView
from app.api.common import ask, bearer_token, client_address
from app.api.schemas import LoginRequest, RegisterRequest
from app.api.spec import api


@api.post("/auth/register", body=RegisterRequest, response=UserView, status=201, tags=["auth"],
          errors=[409, 429])
async def register(request: web.Request, body: RegisterRequest) -> UserView:
    """Create an account with email and password. Repeating the same request (after a 503, say)
    within 15 minutes returns the account it created; throttled per address."""
    return await ask(request, RegisterFromAddress(registration=RegisterAccount(**body.model_dump()),
                                                  client_address=client_address(request)))


@api.post("/auth/login", body=LoginRequest, response=IssuedToken, tags=["auth"], errors=[401, 429])
async def login(request: web.Request, body: LoginRequest) -> IssuedToken:
    """Exchange email and password for a bearer token (throttled per account and per address)."""
    return await ask(request, LogIn(email=body.email, password=body.password,
                                    client_address=client_address(request)))


@api.post("/auth/logout", status=204, tags=["auth"], auth=True)
async def logout(request: web.Request, principal: UserView) -> None:
    """Revoke the token this request carries."""
    await ask(request, LogOut(token=SecretStr(bearer_token(request) or "")))
