"""Declared routes: one decorator says what a handler takes, returns and may fail with.

The same declaration drives request parsing (binding.py) and the OpenAPI document (openapi.py),
so the documentation cannot drift from what the server does.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from pydantic import BaseModel

DEFAULT_MAX_BODY = 1024 * 1024  # 1 MB: questions and answers are small; imports go through files
INPUT_NAMES = ("body", "query", "path", "principal")
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "bearerFormat": "opaque"}

Authenticator = Callable[[web.Request], Awaitable[Any]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # below the spec's prefix, aiohttp syntax: /questions/{question_id}
    handler: Callable[..., Awaitable[Any]]
    operation_id: str
    body: Any = None  # a pydantic model (or any type a TypeAdapter takes)
    query: type[BaseModel] | None = None
    path_params: type[BaseModel] | None = None
    response: Any = None
    status: int = 200
    summary: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    errors: tuple[int, ...] = ()
    auth: bool = False
    admin: bool = False
    max_body: int = DEFAULT_MAX_BODY
    wants: frozenset[str] = field(default_factory=frozenset)  # inputs the handler declares
    upload: str | None = None  # a multipart/form-data body with one file in this part (read by the handler)


def _inputs_of(handler: Callable[..., Any]) -> frozenset[str]:
    params = list(inspect.signature(handler).parameters)
    if not params or params[0] != "request":
        raise TypeError(f"{handler.__qualname__}: the first parameter must be `request`")
    unknown = set(params[1:]) - set(INPUT_NAMES)
    if unknown:
        raise TypeError(f"{handler.__qualname__}: unknown parameters {sorted(unknown)}; "
                        f"a handler may take {', '.join(INPUT_NAMES)}")
    return frozenset(params[1:])


def _check_declared(route: Route) -> None:
    """A declared input the handler ignores (or takes undeclared) is a bug: fail at import."""
    declared = {"body": route.body is not None, "query": route.query is not None,
                "path": route.path_params is not None}
    for name, is_declared in declared.items():
        if is_declared != (name in route.wants):
            state, verb = ("declared", "does not take") if is_declared else ("not declared", "takes")
            raise TypeError(f"{route.operation_id}: `{name}` is {state} but the handler {verb} it")
    if "principal" in route.wants and not route.auth:
        raise TypeError(f"{route.operation_id}: takes `principal` but is not declared auth=True")
    if route.upload is not None and route.body is not None:
        raise TypeError(f"{route.operation_id}: a body is either JSON (`body=`) or an upload (`upload=`)")


class ApiSpec:
    """A group of routes under one prefix, with its own OpenAPI document and docs page."""

    def __init__(self, title: str, version: str, prefix: str, *, description: str | None = None,
                 docs_path: str | None = None, max_body: int = DEFAULT_MAX_BODY,
                 security_schemes: dict[str, dict[str, Any]] | None = None) -> None:
        """security_schemes: OpenAPI's, any of which authenticates a route (default: bearer only)."""
        self.title, self.version, self.description = title, version, description
        self.security_schemes = security_schemes or {"bearerAuth": BEARER_SCHEME}
        self.prefix = prefix.rstrip("/")
        # /api/v1 → /api/docs, /admin/api/v1 → /admin/api/docs
        self.docs_path = docs_path or f"{self.prefix.rsplit('/', 1)[0]}/docs"
        self.openapi_path = f"{self.prefix}/openapi.json"
        self.max_body = max_body
        self.routes: list[Route] = []
        self.authenticator: Authenticator | None = None
        self._mounted = False

    def set_authenticator(self, authenticator: Authenticator) -> None:
        """`async fn(request) -> principal | None`; None (or raising Unauthorized) answers 401."""
        self.authenticator = authenticator

    def route(self, method: str, url: str, /, *, body: Any = None, query: type[BaseModel] | None = None,
              path: type[BaseModel] | None = None, response: Any = None, status: int = 200,
              summary: str | None = None, tags: list[str] | tuple[str, ...] = (),
              errors: list[int] | tuple[int, ...] = (), auth: bool = False, admin: bool = False,
              max_body: int | None = None, operation_id: str | None = None, upload: str | None = None,
              ) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., Awaitable[Any]]]:
        """`url` is positional-only so that `path=` can name the path-parameters model. `upload=`
        documents a multipart/form-data body with one file part of that name (the handler reads it)."""

        def register(handler: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
            if self._mounted:
                raise RuntimeError("routes must be declared before ApiSpec.setup(app)")
            doc = inspect.getdoc(handler)
            route = Route(
                method=method.upper(), path=url, handler=handler,
                operation_id=operation_id or handler.__name__, body=body, query=query,
                path_params=path, response=response, status=status,
                summary=summary or (doc.splitlines()[0] if doc else None), description=doc,
                tags=tuple(tags), errors=tuple(errors), auth=auth or admin, admin=admin,
                max_body=max_body if max_body is not None else self.max_body,
                wants=_inputs_of(handler), upload=upload)
            _check_declared(route)
            if any(r.operation_id == route.operation_id for r in self.routes):
                raise ValueError(f"operationId {route.operation_id!r} is already used in {self.title}")
            self.routes.append(route)
            return handler

        return register

    def get(self, url: str, /, **options: Any) -> Callable[..., Any]:
        return self.route("GET", url, **options)

    def post(self, url: str, /, **options: Any) -> Callable[..., Any]:
        return self.route("POST", url, **options)

    def put(self, url: str, /, **options: Any) -> Callable[..., Any]:
        return self.route("PUT", url, **options)

    def patch(self, url: str, /, **options: Any) -> Callable[..., Any]:
        return self.route("PATCH", url, **options)

    def delete(self, url: str, /, **options: Any) -> Callable[..., Any]:
        return self.route("DELETE", url, **options)

    def setup(self, app: web.Application) -> None:
        """Adds the routes, GET {prefix}/openapi.json and the docs page to `app`."""
        from app.http.mount import mount_spec  # mount imports this module

        mount_spec(self, app)
        self._mounted = True
