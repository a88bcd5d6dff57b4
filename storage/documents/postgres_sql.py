"""SQL for the JSONB adapter. Paths become `body #> '{a,b}'::text[]` literals (segments are plain
words, see rules.py) so that queries use the expression indexes built from the very same text;
values are always bound parameters."""
from __future__ import annotations

from typing import Any

from psycopg2 import sql
from psycopg2.extras import Json

from storage.documents import rules
from storage.documents.store import Index, Sort, Where
from storage.postgres.prepared import Prepared

COLUMNS = "key, version, body"
_GET = f"SELECT {COLUMNS} FROM documents WHERE collection = %(collection)s AND key = %(key)s"
GET = Prepared("apo_document_get", _GET)  # a statistics read per answer and per view: planned once
GET_FOR_UPDATE = _GET + " FOR UPDATE"
UPSERT = f"""
    INSERT INTO documents (collection, key, version, body) VALUES (%(collection)s, %(key)s, 1, %(body)s)
    ON CONFLICT (collection, key) DO UPDATE
        SET body = EXCLUDED.body, version = documents.version + 1, updated_at = now()
    RETURNING {COLUMNS}
"""
CREATE = f"""
    INSERT INTO documents (collection, key, version, body) VALUES (%(collection)s, %(key)s, 1, %(body)s)
    ON CONFLICT (collection, key) DO NOTHING RETURNING {COLUMNS}
"""
REPLACE_AT = Prepared("apo_document_replace_at", f"""
    UPDATE documents SET body = %(body)s, version = version + 1, updated_at = now()
    WHERE collection = %(collection)s AND key = %(key)s AND version = %(expected)s RETURNING {COLUMNS}
""")
# update(): make sure the row exists (version 0 until this transaction writes it), then lock it.
ENSURE_ROW = """
    INSERT INTO documents (collection, key, version, body) VALUES (%(collection)s, %(key)s, 0, '{}')
    ON CONFLICT (collection, key) DO NOTHING
"""
WRITE_LOCKED = f"""
    UPDATE documents SET body = %(body)s, version = version + 1, updated_at = now()
    WHERE collection = %(collection)s AND key = %(key)s RETURNING {COLUMNS}
"""
DELETE = "DELETE FROM documents WHERE collection = %(collection)s AND key = %(key)s"
KEYS = "SELECT key FROM documents WHERE collection = %(collection)s ORDER BY key"
CLEAR = "DELETE FROM documents WHERE collection = %(collection)s"
# Two processes starting at once would race on CREATE INDEX IF NOT EXISTS; they take turns.
INDEX_LOCK = "SELECT pg_advisory_xact_lock(%(key)s)"
INDEX_LOCK_KEY = 0x41504F_0004
_COMPARE = {"$eq": "=", "$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}


def path_expr(segments: tuple[str, ...]) -> sql.Composable:
    return sql.SQL("(body #> {}::text[])").format(sql.Literal("{" + ",".join(segments) + "}"))


def where_clause(collection: str, where: Where | None, params: dict[str, Any]) -> sql.Composable:
    parts: list[sql.Composable] = [sql.SQL("collection = {}").format(sql.Placeholder("collection"))]
    params["collection"] = rules.collection_name(collection)
    for n, condition in enumerate(rules.conditions(where)):
        expr, name = path_expr(condition.segments), f"v{n}"
        if condition.op == "$in":
            params[name] = Json(condition.value)
            parts.append(sql.SQL("{} IN (SELECT jsonb_array_elements({}::jsonb))").format(
                expr, sql.Placeholder(name)))
            continue
        params[name] = Json(condition.value)
        parts.append(sql.SQL("{e} {op} {v}::jsonb").format(e=expr, op=sql.SQL(_COMPARE[condition.op]),
                                                           v=sql.Placeholder(name)))
        if condition.op != "$eq":
            # MongoDB compares only values of one type ("type bracketing"); jsonb orders across types.
            parts.append(sql.SQL("jsonb_typeof({}) = jsonb_typeof({}::jsonb)").format(
                expr, sql.Placeholder(name)))
    return sql.SQL(" AND ").join(parts)


def order_clause(sort: Sort) -> sql.Composable:
    # NULLS as MongoDB places missing fields: lowest, so first ascending and last descending.
    terms = [sql.SQL("{} ASC NULLS FIRST" if d == 1 else "{} DESC NULLS LAST").format(path_expr(p))
             for p, d in rules.sort_keys(sort)]
    return sql.SQL(", ").join([*terms, sql.SQL("key")])


def find(collection: str, where: Where | None, sort: Sort, limit: int | None,
         params: dict[str, Any]) -> sql.Composable:
    query = sql.SQL("SELECT {} FROM documents WHERE {} ORDER BY {}").format(
        sql.SQL(COLUMNS), where_clause(collection, where, params), order_clause(sort))
    if limit is not None:
        params["limit"] = limit
        query = sql.SQL("{} LIMIT {}").format(query, sql.Placeholder("limit"))
    return query


def count(collection: str, where: Where | None, params: dict[str, Any]) -> sql.Composable:
    return sql.SQL("SELECT count(*) FROM documents WHERE {}").format(where_clause(collection, where, params))


def create_index(collection: str, spec: Index) -> sql.Composable:
    terms = [sql.SQL("{} ASC" if d == 1 else "{} DESC").format(path_expr(p))
             for p, d in rules.sort_keys(spec.fields)]
    return sql.SQL("CREATE INDEX IF NOT EXISTS {name} ON documents ({terms}) WHERE collection = {c}").format(
        name=sql.Identifier(f"documents_{collection}_{spec.name}"), terms=sql.SQL(", ").join(terms),
        c=sql.Literal(collection))
