"""Every admin route refuses everyone but administrators. The table is the admin ApiSpec's own route
list, so a route added later is covered without touching this test."""
from __future__ import annotations

import re

import pytest

from app.admin.spec import admin_api
from tests.e2e.admin.helpers import make_admin, make_student
from tests.e2e.api.helpers import problem

ROUTES = [(route.method, admin_api.prefix + re.sub(r"\{(\w+)(:[^}]*)?\}", "1", route.path))
          for route in admin_api.routes]


def test_every_admin_route_is_declared_admin_only():
    assert len(ROUTES) >= 15
    assert all(route.admin and route.auth for route in admin_api.routes)


@pytest.mark.parametrize(("method", "url"), ROUTES, ids=[f"{m} {u}" for m, u in ROUTES])
async def test_a_student_gets_403_and_nobody_gets_in_without_a_token(admin_http, method, url):
    student = await make_student(admin_http)
    async with admin_http.request(method, url, headers=student, json={}) as response:
        body = await problem(response, 403)
    assert "administrator" in body["detail"]
    async with admin_http.request(method, url, json={}) as response:
        await problem(response, 401)


async def test_an_admin_gets_past_the_check_on_every_route(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    for method, url in ROUTES:
        async with admin_http.request(method, url, headers=admin, json={}) as response:
            assert response.status not in (401, 403), (method, url, await response.text())


async def test_the_admin_api_has_its_own_openapi_document_and_docs(admin_http):
    async with admin_http.get("/admin/api/v1/openapi.json") as response:
        document = await response.json()
    assert document["info"]["title"] == "APO Trainer Admin API"
    assert set(document["paths"]) == {admin_api.prefix + re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", r.path)
                                      for r in admin_api.routes}
    async with admin_http.get("/api/v1/openapi.json") as response:
        assert not any(path.startswith("/admin") for path in (await response.json())["paths"])
    async with admin_http.get("/admin/api/docs") as response:
        assert response.status == 200 and "swagger-ui" in await response.text()
