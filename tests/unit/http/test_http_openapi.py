"""The OpenAPI 3.1 documents served by the demo app describe exactly its routes."""

from __future__ import annotations

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

USER_ROUTES = {
    ("post", "/api/v1/auth/login"), ("get", "/api/v1/me"), ("get", "/api/v1/stats/leaderboard"),
    ("patch", "/api/v1/questions/{question_id}"), ("delete", "/api/v1/questions/{question_id}"),
    ("get", "/api/v1/export"), ("post", "/api/v1/uploads"), ("get", "/api/v1/limited"),
    ("get", "/api/v1/busy"), ("get", "/api/v1/boom"),
}


@pytest.fixture
async def user_doc(client):
    resp = await client.get("/api/v1/openapi.json")
    assert resp.status == 200
    return await resp.json()


@pytest.fixture
async def admin_doc(client):
    resp = await client.get("/admin/api/v1/openapi.json")
    assert resp.status == 200
    return await resp.json()


def operations(doc):
    return {(method, path): op for path, item in doc["paths"].items() for method, op in item.items()}


def test_documents_are_valid_openapi_3_1(user_doc, admin_doc):
    for doc in (user_doc, admin_doc):
        assert doc["openapi"] == "3.1.0"
        errors = list(OpenAPIV31SpecValidator(doc).iter_errors())
        assert errors == []


def test_each_spec_lists_exactly_its_own_routes(user_doc, admin_doc):
    assert set(operations(user_doc)) == USER_ROUTES
    assert set(operations(admin_doc)) == {("get", "/admin/api/v1/mailings")}
    assert user_doc["info"] == {"title": "APO Trainer API", "version": "1"}
    assert admin_doc["info"]["title"] == "APO Trainer Admin API"


def test_operation_carries_id_summary_tags_body_and_responses(user_doc):
    login = operations(user_doc)[("post", "/api/v1/auth/login")]
    assert login["operationId"] == "login"
    assert login["summary"] == "Log in"
    assert login["tags"] == ["auth"]
    assert "security" not in login
    assert login["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/LoginRequest"}
    assert login["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TokenResponse"}
    assert set(login["responses"]) == {"200", "400", "401", "413", "415", "422", "429"}
    assert login["responses"]["422"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/ValidationProblem"}
    assert login["responses"]["401"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"}


def test_docstring_becomes_summary(user_doc):
    assert operations(user_doc)[("get", "/api/v1/me")]["summary"] == "The current user."


def test_query_and_path_parameters_come_from_models(user_doc):
    board = operations(user_doc)[("get", "/api/v1/stats/leaderboard")]
    params = {p["name"]: p for p in board["parameters"]}
    assert set(params) == {"limit", "subject", "period"}
    assert params["period"]["schema"] == {"$ref": "#/components/schemas/Period", "default": "week"}
    assert params["limit"]["in"] == "query" and params["limit"]["required"] is False
    assert params["limit"]["schema"]["maximum"] == 100
    assert params["limit"]["description"] == "How many rows to return"
    assert params["subject"]["schema"]["type"] == "array"
    delete = operations(user_doc)[("delete", "/api/v1/questions/{question_id}")]
    assert delete["parameters"] == [{"name": "question_id", "in": "path", "required": True,
                                     "schema": {"title": "Question Id", "type": "integer"}}]
    assert "content" not in delete["responses"]["204"]


def test_auth_and_admin_routes_declare_bearer_security(user_doc, admin_doc):
    me = operations(user_doc)[("get", "/api/v1/me")]
    assert me["security"] == [{"bearerAuth": []}]
    assert "401" in me["responses"] and "403" not in me["responses"]
    mailings = operations(admin_doc)[("get", "/admin/api/v1/mailings")]
    assert {"401", "403"} <= set(mailings["responses"])
    assert mailings["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/QuestionView"}}
    assert user_doc["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "opaque"}


def test_every_ref_resolves_to_a_component(user_doc):
    schemas = user_doc["components"]["schemas"]
    assert {"LoginRequest", "TokenResponse", "UserView", "Leaderboard", "QuestionPatch", "QuestionView",
            "Problem", "ValidationProblem", "FieldError"} <= set(schemas)
    errors_items = schemas["ValidationProblem"]["properties"]["errors"]["items"]
    assert errors_items == {"$ref": "#/components/schemas/FieldError"}

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(user_doc):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas


def test_query_and_path_models_are_inlined_not_components(user_doc):
    assert "LeaderboardQuery" not in user_doc["components"]["schemas"]
    assert "QuestionPath" not in user_doc["components"]["schemas"]
    assert "Period" in user_doc["components"]["schemas"]  # still referenced by a parameter
