"""Interactive API docs: Swagger UI from the swagger-ui-bundle-v2 package, served by us.

The network is closed (and a docs page should not call a CDN anyway), so the assets are static
files of our app. The 5.x line is needed: Swagger UI renders OpenAPI 3.1 from 5.0 on.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
from pathlib import Path

from aiohttp import web
from swagger_ui_bundle import swagger_ui_path

from app.http.problems import NotFound

SWAGGER_UI_DIR = Path(str(swagger_ui_path))

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>{title}</title>
  <link rel="stylesheet" href="{assets}/swagger-ui.css">
  <link rel="icon" type="image/png" href="{assets}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{assets}/swagger-ui-bundle.js" charset="UTF-8"></script>
  <script src="{assets}/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: {spec_url},
      dom_id: "#swagger-ui",
      deepLinking: true,
      persistAuthorization: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: "StandaloneLayout"
    }});
  </script>
</body>
</html>
"""


def _relative(target: str, page: str) -> str:
    """Relative links keep working when the whole thing is mounted under another prefix."""
    return posixpath.relpath(target, posixpath.dirname(page))


def docs_page(title: str, docs_path: str, openapi_path: str) -> str:
    spec_url = json.dumps(_relative(openapi_path, docs_path)).replace("</", "<\\/")
    return _PAGE.format(title=html.escape(title), spec_url=spec_url,
                        assets=html.escape(_relative(f"{docs_path}/assets", docs_path)))


@functools.cache
def _assets() -> dict[str, Path]:
    """The bundle's files by name: a fixed list, so no request path can reach another file."""
    return {path.name: path for path in SWAGGER_UI_DIR.iterdir() if path.is_file() and path.suffix != ".map"}


async def serve_asset(request: web.Request) -> web.FileResponse:
    # Our own handler rather than add_static: aiohttp's static 404 bypasses the problem middleware.
    path = _assets().get(request.match_info["name"])
    if path is None:
        raise NotFound("No such docs asset.")
    return web.FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})


def add_docs(app: web.Application, title: str, docs_path: str, openapi_path: str) -> None:
    page = docs_page(title, docs_path, openapi_path)

    async def serve_page(request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    app.router.add_get(docs_path, serve_page)
    app.router.add_get(docs_path + "/assets/{name}", serve_asset)
