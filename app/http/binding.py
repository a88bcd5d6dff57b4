"""Turns a declared Route into an aiohttp handler: check auth, parse inputs, call, render.

Each step fails with a ProblemError, so the errors middleware answers uniformly.
"""

from __future__ import annotations

import json
import types
from collections.abc import Sequence
from typing import Any, Union, get_args, get_origin

from aiohttp import web
from aiohttp.typedefs import Handler
from multidict import MultiMapping
from pydantic import BaseModel, TypeAdapter, ValidationError

from app.http.nul import nul_location
from app.http.problems import (
    Forbidden,
    MalformedBody,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
)
from app.http.routes import ApiSpec, Route

# request[PRINCIPAL_KEY]: the authenticated principal, for code that runs after the wrapper.
PRINCIPAL_KEY = web.RequestKey("principal", object)


def _is_json(content_type: str) -> bool:
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json"))


def _is_sequence(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return any(_is_sequence(arg) for arg in get_args(annotation) if arg is not type(None))
    return isinstance(origin, type) and issubclass(origin, (Sequence, set, frozenset)) \
        and not issubclass(origin, (str, bytes))


def query_values(query: MultiMapping[str], model: type[BaseModel]) -> dict[str, Any]:
    """?tag=a&tag=b gives a list to list-typed fields; a repeated other field stays a list too, which
    its validation refuses (?limit=1&limit=2 is no integer)."""
    list_keys = {f.alias or name for name, f in model.model_fields.items() if _is_sequence(f.annotation)}
    found = {key: query.getall(key) for key in set(query.keys())}
    return {key: values if key in list_keys or len(values) > 1 else values[0] for key, values in found.items()}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def integral_numbers_as_ints(raw: bytes) -> bytes:
    """JSON Schema counts 17.0 as an integer, strict validation would not: such numbers are spelled
    as integers before it. Text that is not JSON is left for the validator to refuse."""
    try:
        data = json.loads(raw, parse_float=_number, parse_constant=_reject_constant)
    except ValueError:
        return raw
    return json.dumps(data, ensure_ascii=False).encode()


def validate(model: type[BaseModel], data: dict[str, Any], location: str) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed.from_pydantic(exc, location) from None


async def read_json_body(request: web.Request, adapter: TypeAdapter[Any], max_body: int) -> Any:
    too_large = PayloadTooLarge(f"The request body may be at most {max_body} bytes.")
    # Refuse by the declared length before reading a byte of it.
    if request.content_length is not None and request.content_length > max_body:
        raise too_large
    if not _is_json(request.content_type):
        raise UnsupportedMediaType("Send the request body as application/json.")
    raw = await request.read()  # bounded by the app's client_max_size for chunked bodies
    if len(raw) > max_body:
        raise too_large
    if not raw.strip():
        raise MalformedBody("A JSON request body is required.")
    try:
        # Strict: a boolean is not an integer nor an integer a boolean, as the document says.
        parsed = adapter.validate_json(integral_numbers_as_ints(raw), strict=True)
    except ValidationError as exc:
        if any(err["type"] == "json_invalid" for err in exc.errors()):
            raise MalformedBody("The request body is not valid JSON.") from None
        raise ValidationFailed.from_pydantic(exc, "body") from None
    if (place := nul_location(raw, "body")) is not None:
        raise ValidationFailed([{"loc": place, "msg": "must not contain the NUL character (\\u0000)",
                                 "type": "nul_character"}], detail="1 invalid field in body")
    return parsed


async def authenticate(spec: ApiSpec, route: Route, request: web.Request) -> Any:
    if spec.authenticator is None:  # fail closed: a protected route never runs unprotected
        raise RuntimeError(f"{spec.title}: route {route.operation_id} needs auth but no authenticator is set")
    principal = await spec.authenticator(request)
    if principal is None:
        raise Unauthorized("A valid bearer token is required.")
    if route.admin and not getattr(principal, "is_admin", False):
        raise Forbidden("This needs an administrator account.")
    return principal


def render(route: Route, adapter: TypeAdapter[Any] | None, result: Any) -> web.StreamResponse:
    if isinstance(result, web.StreamResponse):  # files and streams are the handler's own
        return result
    if route.status == 204 or result is None:
        return web.Response(status=route.status)
    # The declared type decides what leaves the server: fields of a richer object stay inside.
    if adapter is not None:
        body = adapter.dump_json(result, by_alias=True)
    elif isinstance(result, BaseModel):
        body = result.model_dump_json(by_alias=True)
    else:
        body = TypeAdapter(type(result)).dump_json(result, by_alias=True)
    return web.Response(body=body, status=route.status, content_type="application/json")


def make_handler(spec: ApiSpec, route: Route) -> Handler:
    body_adapter = TypeAdapter(route.body) if route.body is not None else None
    response_adapter = TypeAdapter(route.response) if route.response is not None else None

    async def handle(request: web.Request) -> web.StreamResponse:
        kwargs: dict[str, Any] = {}
        if route.auth:
            principal = request[PRINCIPAL_KEY] = await authenticate(spec, route, request)
            if "principal" in route.wants:
                kwargs["principal"] = principal
        if route.path_params is not None:
            kwargs["path"] = validate(route.path_params, dict(request.match_info), "path")
        if route.query is not None:
            kwargs["query"] = validate(route.query, query_values(request.query, route.query), "query")
        if body_adapter is not None:
            kwargs["body"] = await read_json_body(request, body_adapter, route.max_body)
        result = await route.handler(request, **kwargs)
        return render(route, response_adapter, result)

    handle.__name__ = handle.__qualname__ = route.operation_id
    return handle
