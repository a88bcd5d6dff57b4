"""Helpers for the analytics integration tests: raw queries with column types, a restartable server."""
from __future__ import annotations

import asyncio
import json
import urllib.request
from dataclasses import dataclass

import aiohttp

from tests.support.servers import clickhouse
from tests.support.servers.common import RunningServer, launch, run_as_kwargs, stop_process


@dataclass
class QueryResult:
    columns: dict[str, str]  # name -> ClickHouse type, in order
    rows: list[dict]


def as_json_query(sql: str) -> tuple[str, bool]:
    """The statement to send, and whether it is a SELECT (then asked for FORMAT JSON, which has types)."""
    is_select = sql.lstrip().upper().startswith(("SELECT", "WITH", "DESCRIBE", "SHOW"))
    return (f"{sql}\nFORMAT JSON" if is_select else sql), is_select


def parse_json_result(text: str) -> QueryResult:
    doc = json.loads(text)
    return QueryResult({c["name"]: c["type"] for c in doc["meta"]}, doc["data"])


async def run_query(url: str, sql: str) -> QueryResult:
    """Runs one statement through the HTTP interface; SELECTs come back as FORMAT JSON with types."""
    body, is_select = as_json_query(sql)
    async with aiohttp.ClientSession() as session, session.post(url, data=body.encode()) as response:
        text = await response.text()
        if response.status != 200:
            raise AssertionError(f"ClickHouse refused the query: {text.strip()[:500]}\n{sql}")
    return parse_json_result(text) if is_select else QueryResult({}, [])


def split_url(url: str) -> tuple[str, str]:
    """http://host:port/db -> (http://host:port/?database=db, db)."""
    base, _, database = url.rpartition("/")
    return f"{base}/?database={database}", database


async def eventually(check, timeout: float = 20.0, every: float = 0.05):
    """Awaits an async check until it returns a truthy value."""
    async with asyncio.timeout(timeout):
        while not (result := await check()):
            await asyncio.sleep(every)
    return result


def stop_keeping_data(server: RunningServer) -> None:
    """Stops the server process but keeps its directory, so a restart finds the data again."""
    stop_process(server.process, server.stop_signal, 15.0)


def restart(server: RunningServer) -> RunningServer:
    """Starts ClickHouse again on the same config, ports and data directory."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def ready() -> bool:
        with opener.open(f"{server.url}/ping", timeout=1) as response:
            return response.read().strip() == b"Ok."

    command = clickhouse.find_command() + [f"--config-file={server.tmpdir / 'config.xml'}"]
    return launch("clickhouse", command, url=server.url, tmpdir=server.tmpdir,
                  log=server.tmpdir / "clickhouse-server.log", ready=ready, **run_as_kwargs(clickhouse.USER))
