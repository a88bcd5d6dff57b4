"""A current ClickHouse in process (chDB) behind our own storage code.

storage.clickhouse builds its aiochclient clients as in production; only the client's HTTP transport
is swapped for chDB, so the migrations runner and the writer send the SQL and data they send to a
server (statement splitting, bound values, JSONEachRow bodies) and parse the answers with aiochclient
(TSVWithNamesAndTypes). The HTTP interface itself is what this leaves out.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiochclient import ChClient, ChClientError
from aiochclient.http_clients.abc import HttpClientABC
from ch_helpers import QueryResult, as_json_query, parse_json_result
from chdb import ChdbError
from chdb.session import Session

from storage.clickhouse import ClickHouseTarget


class ChdbTransport(HttpClientABC):
    """Answers aiochclient's requests as the ClickHouse HTTP interface does: the `query` parameter,
    then the POST body on a new line, run in the `database` parameter's database; a refusal becomes
    the ChClientError aiochclient raises for an error response (the same "Code: N. ..." text)."""

    def __init__(self, engine: Session) -> None:
        self._engine = engine

    def _run(self, params: dict, data: bytes | str = b"") -> bytes:
        body = data.decode() if isinstance(data, bytes) else data
        sql = f"{params['query']}\n{body}" if "query" in params else body
        try:
            self._engine.query(f"USE {params['database']}")
            return self._engine.query(sql, "TabSeparated").bytes()  # HTTP's default output format
        except ChdbError as error:
            raise ChClientError(str(error)) from error

    async def get(self, url: str, params: dict, headers: dict) -> None:
        self._run(params)

    async def post_return_lines(self, url: str, params: dict, headers: dict, data) -> AsyncIterator[bytes]:
        for line in self._run(params, data).splitlines(keepends=True):
            yield line

    async def post_no_return(self, url: str, params: dict, headers: dict, data) -> None:
        self._run(params, data)

    async def close(self) -> None:
        pass


@dataclass(frozen=True)
class ChdbTarget(ClickHouseTarget):
    """A ClickHouseTarget whose clients reach chDB: pass it wherever storage.clickhouse takes a target."""

    engine: Session

    def client(self, session, database: str | None = None) -> ChClient:
        client = super().client(session, database)
        client._http_client = ChdbTransport(self.engine)  # aiochclient's one seam for its transport
        return client


def run_chdb(target: ChdbTarget, sql: str) -> QueryResult:
    """Runs one statement in the target's database as ch_helpers.run_query does on a server."""
    body, is_select = as_json_query(sql)
    try:
        target.engine.query(f"USE {target.database}")
        text = target.engine.query(body).bytes().decode()
    except ChdbError as error:
        raise AssertionError(f"ClickHouse (chDB) refused the query: {str(error)[:500]}\n{sql}") from error
    return parse_json_result(text) if is_select else QueryResult({}, [])
