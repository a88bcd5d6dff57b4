"""Serves the built web app at /app/: hashed assets cached for good, every other path the SPA's
index.html (its router takes the rest). Without a build the API and the bot run all the same."""
from __future__ import annotations

from pathlib import Path

from aiohttp import web
from loguru import logger

from app.http import NotFound, ServiceUnavailable
from app.webapp.headers import PREFIX, add_security_headers

DIST = Path(__file__).parent / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"  # file names carry their content hash


def setup_webapp(app: web.Application, dist: Path = DIST) -> None:
    app.on_response_prepare.append(add_security_headers)
    index = dist / "index.html"
    if not index.is_file():
        logger.info("web app off: not built (building web/ needs Node.js and npm; make run builds it then)")

    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPPermanentRedirect(PREFIX + "/")

    async def page(request: web.Request) -> web.StreamResponse:
        if not index.is_file():
            raise ServiceUnavailable("The web app is not built on this server.")
        return web.FileResponse(index, headers={"Cache-Control": "no-cache"})

    async def asset(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        path = (dist / "assets" / name).resolve()
        if path.parent != (dist / "assets").resolve() or not path.is_file():
            raise NotFound("No such file of the web app.")
        return web.FileResponse(path, headers={"Cache-Control": IMMUTABLE})

    app.router.add_get(PREFIX, redirect)
    app.router.add_get(PREFIX + "/assets/{name}", asset)
    app.router.add_get(PREFIX + "/{tail:.*}", page)
