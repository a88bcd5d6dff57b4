"""OpenAPI 3.1 document of an ApiSpec, generated from its routes' pydantic models.

OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what pydantic emits, so the models' schemas
go in unchanged; all of them are generated in one pass so shared models get one component each and
name clashes are resolved by pydantic.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from pydantic import TypeAdapter

from app.http.nul import forbid_nul_in_schema
from app.http.problem_response import PROBLEM_CONTENT_TYPE, Problem, ValidationProblem
from app.http.routes import ApiSpec, Route

REF_TEMPLATE = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"\{(\w+)(?::[^{}]*(?:\{[^{}]*\}[^{}]*)*)?\}")  # {id} or {id:\d+}


def openapi_path(prefix: str, path: str) -> str:
    """aiohttp's `{id:\\d+}` becomes OpenAPI's `{id}`."""
    return prefix + _PATH_PARAM.sub(r"{\1}", path)


def implied_errors(route: Route) -> set[int]:
    """Statuses the frame itself may answer for this route, documented without being declared."""
    statuses = set(route.errors)
    if route.auth:
        statuses.add(401)
    if route.admin:
        statuses.add(403)
    if route.body is not None or route.upload is not None:
        statuses.update((400, 413, 415, 422))
    if route.query is not None or route.path_params is not None:
        statuses.add(422)
    return statuses


def _description(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"Status {status}"


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()


def reachable_components(paths: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """Query and path models are inlined as parameters; their own component would only be noise."""
    seen: set[str] = set()
    todo = _refs(paths)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo |= _refs(components[name])
    return {name: schema for name, schema in components.items() if name in seen}


class _Builder:
    def __init__(self, spec: ApiSpec) -> None:
        self.spec = spec
        inputs: list[tuple[Any, Any, TypeAdapter[Any]]] = [
            ("Problem", "serialization", TypeAdapter(Problem)),
            ("ValidationProblem", "serialization", TypeAdapter(ValidationProblem))]
        for route in spec.routes:
            for part, kind, mode in (("body", route.body, "validation"), ("query", route.query, "validation"),
                                     ("path", route.path_params, "validation"),
                                     ("response", route.response, "serialization")):
                if kind is not None:
                    inputs.append(((route.operation_id, part), mode, TypeAdapter(kind)))
        schemas, definitions = TypeAdapter.json_schemas(inputs, ref_template=REF_TEMPLATE)
        self.schemas = {key: schema for (key, _mode), schema in schemas.items()}
        self.components: dict[str, Any] = definitions.get("$defs", {})
        for key, schema in self.schemas.items():
            if isinstance(key, tuple) and key[1] in ("body", "query", "path"):
                forbid_nul_in_schema(schema, self.components)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        return self.components[ref.rsplit("/", 1)[1]] if ref else schema

    def parameters(self, route: Route) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = []
        for location, model in (("path", route.path_params), ("query", route.query)):
            if model is None:
                continue
            schema = self._resolve(self.schemas[(route.operation_id, location)])
            required = set(schema.get("required", ()))
            for name, prop in schema.get("properties", {}).items():
                param = {"name": name, "in": location, "required": location == "path" or name in required,
                         "schema": prop}
                if "description" in prop:
                    param["description"] = prop["description"]
                params.append(param)
        # OpenAPI requires every template variable to be declared; untyped ones are strings.
        declared = {p["name"] for p in params if p["in"] == "path"}
        for name in _PATH_PARAM.findall(route.path):
            if name not in declared:
                params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
        return params

    def responses(self, route: Route) -> dict[str, Any]:
        success: dict[str, Any] = {"description": _description(route.status)}
        if route.response is not None and route.status != 204:
            schema = self.schemas[(route.operation_id, "response")]
            success["content"] = {"application/json": {"schema": schema}}
        responses = {str(route.status): success}
        for status in sorted(implied_errors(route)):
            schema = self.schemas["ValidationProblem" if status == 422 else "Problem"]
            responses[str(status)] = {"description": _description(status),
                                      "content": {PROBLEM_CONTENT_TYPE: {"schema": schema}}}
        return responses

    def operation(self, route: Route) -> dict[str, Any]:
        op: dict[str, Any] = {"operationId": route.operation_id}
        if route.summary:
            op["summary"] = route.summary
        if route.description and route.description != route.summary:
            op["description"] = route.description
        if route.tags:
            op["tags"] = list(route.tags)
        if params := self.parameters(route):
            op["parameters"] = params
        if route.body is not None:
            op["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": self.schemas[(route.operation_id, "body")]}}}
        elif route.upload is not None:
            op["requestBody"] = {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": [route.upload], "additionalProperties": False,
                "properties": {route.upload: {"type": "string", "format": "binary",
                                              "contentMediaType": "application/octet-stream"}}}}}}
        op["responses"] = self.responses(route)
        if route.auth:
            op["security"] = [{name: []} for name in self.spec.security_schemes]
        return op

    def document(self) -> dict[str, Any]:
        paths: dict[str, dict[str, Any]] = {}
        for route in self.spec.routes:
            path_item = paths.setdefault(openapi_path(self.spec.prefix, route.path), {})
            path_item[route.method.lower()] = self.operation(route)
        info = {"title": self.spec.title, "version": self.spec.version}
        if self.spec.description:
            info["description"] = self.spec.description
        return {
            "openapi": "3.1.0",
            "info": info,
            "paths": paths,
            "components": {
                "schemas": reachable_components(paths, self.components),
                "securitySchemes": self.spec.security_schemes,
            },
        }


def build_openapi(spec: ApiSpec) -> dict[str, Any]:
    return _Builder(spec).document()
