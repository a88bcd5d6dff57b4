"""Puts an ApiSpec on an app: its routes, its OpenAPI document and its docs page."""

from __future__ import annotations

import json

from aiohttp import web

from app.http.binding import make_handler
from app.http.docs import add_docs
from app.http.openapi import build_openapi
from app.http.routes import ApiSpec


def mount_spec(spec: ApiSpec, app: web.Application) -> None:
    # Built now, not on first request: a model pydantic cannot describe fails the startup.
    document = json.dumps(build_openapi(spec)).encode()

    async def serve_openapi(request: web.Request) -> web.Response:
        return web.Response(body=document, content_type="application/json")

    for route in spec.routes:
        app.router.add_route(route.method, spec.prefix + route.path, make_handler(spec, route))
    app.router.add_get(spec.openapi_path, serve_openapi)
    add_docs(app, spec.title, spec.docs_path, spec.openapi_path)
