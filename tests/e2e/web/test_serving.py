"""/app/ over HTTP: the built page and its assets from this process (no CDN), the security headers,
CORS closed, and the first load within 150 KB of gzipped JS + CSS."""
from __future__ import annotations

import gzip
import re

import pytest
from aiohttp import web
from loguru import logger

from app.http import setup_http
from app.webapp.setup import DIST, setup_webapp
from tests.e2e.api.helpers import problem
from tests.e2e.web.conftest import _missing

FIRST_LOAD_BUDGET = 150 * 1024


@pytest.fixture
def built() -> None:
    if not (DIST / "index.html").is_file():
        _missing("the web app is not built (app/webapp/dist)")


def first_load_assets(index_html: str) -> list[str]:
    """Scripts, module preloads and stylesheets index.html makes the browser fetch at once."""
    return re.findall(r'<(?:script[^>]+src|link[^>]+rel="(?:stylesheet|modulepreload)"[^>]+href)="/app/([^"]+)"',
                      index_html)


async def test_the_page_comes_with_its_security_headers(http, built):
    async with http.get("/app/") as r:
        assert r.status == 200 and r.content_type == "text/html"
        html = await r.text()
        csp = r.headers["Content-Security-Policy"]
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "no-referrer"
        assert r.headers["Cache-Control"] == "no-cache"
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "object-src 'none'" in csp
    assert re.search(r"frame-ancestors 'self' https://web\.telegram\.org", csp)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script at all
    assert "://" not in html  # nothing from another host: no CDN at run time


async def test_assets_are_served_here_hashed_immutable_and_precompressed(http, built):
    async with http.get("/app/") as r:
        assets = first_load_assets(await r.text())
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        async with http.get("/app/" + asset, headers={"Accept-Encoding": "gzip"}) as r:
            assert r.status == 200
            assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert r.headers.get("Content-Encoding") == "gzip"
            assert "Content-Security-Policy" in r.headers


async def test_first_load_is_at_most_150_kb_gzipped(built):
    html = (DIST / "index.html").read_text()
    sizes = {asset: len(gzip.compress((DIST / asset).read_bytes(), compresslevel=9))
             for asset in first_load_assets(html)}
    total = sum(sizes.values())
    print(f"first load: {total / 1024:.1f} KB gzipped JS+CSS {sizes}")
    assert total <= FIRST_LOAD_BUDGET, sizes


async def test_deep_links_get_the_page_and_unknown_assets_a_problem(http, built):
    async with http.get("/app/stats") as r:
        assert r.status == 200 and "<div id=\"app\">" in await r.text()
    async with http.get("/app", allow_redirects=False) as r:
        assert r.status == 308 and r.headers["Location"] == "/app/"
    for missing in ("/app/assets/nothing.js", "/app/assets/..%2F..%2Fsetup.py"):
        async with http.get(missing) as r:
            await problem(r, 404)
            assert "Content-Security-Policy" in r.headers


async def test_cors_is_closed(http, built):
    origin = {"Origin": "https://evil.example"}
    async with http.options("/api/v1/me", headers={**origin, "Access-Control-Request-Method": "GET",
                                                   "Access-Control-Request-Headers": "x-apo-client"}) as r:
        assert "Access-Control-Allow-Origin" not in r.headers and r.status >= 400
    async with http.get("/api/v1/openapi.json", headers=origin) as r:
        assert "Access-Control-Allow-Origin" not in r.headers
    async with http.get("/app/", headers=origin) as r:
        assert "Access-Control-Allow-Origin" not in r.headers


async def test_without_a_build_the_api_still_runs_and_app_says_why(aiohttp_client, tmp_path):
    lines: list[str] = []
    sink = logger.add(lambda message: lines.append(message.record["message"]), level="INFO")
    app = web.Application()
    setup_http(app)
    try:
        setup_webapp(app, dist=tmp_path)
    finally:
        logger.remove(sink)
    assert [line for line in lines if "web app" in line] == [
        "web app off: not built (building web/ needs Node.js and npm; make run builds it then)"]
    client = await aiohttp_client(app)
    response = await client.get("/app/")
    body = await problem(response, 503)
    assert body["detail"] == "The web app is not built on this server."
