"""The docs pages are Swagger UI served from our own app (no CDN), pointed at each spec."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest


@pytest.mark.parametrize(("page", "spec_url"), [("/api/docs", "/api/v1/openapi.json"),
                                                ("/admin/api/docs", "/admin/api/v1/openapi.json")])
async def test_docs_page_loads_its_assets_and_spec_from_this_app(client, page, spec_url):
    resp = await client.get(page)
    assert resp.status == 200
    assert resp.content_type == "text/html"
    html = await resp.text()
    assert "SwaggerUIBundle(" in html
    assert "http://" not in html and "https://" not in html  # nothing from outside
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(scripts) == 2 and len(styles) == 1
    for asset in scripts + styles:
        asset_resp = await client.get(urljoin(page, asset))
        assert asset_resp.status == 200, asset
        assert len(await asset_resp.read()) > 1000
    bundle = await client.get(urljoin(page, scripts[0]))
    assert bundle.content_type in ("application/javascript", "text/javascript")
    assert "SwaggerUIBundle" in await bundle.text()
    relative_spec = re.search(r'url: "([^"]+)"', html).group(1)
    assert urljoin(page, relative_spec) == spec_url


async def test_missing_asset_is_a_problem(client):
    resp = await client.get("/api/docs/assets/nope.js")
    assert resp.status == 404
    assert resp.content_type == "application/problem+json"
