"""Actions over REST reach ClickHouse with their user, as the bot's do (a REST student who only looks
at statistics counts as active on the Overview dashboard)."""
from __future__ import annotations

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from ch_helpers import run_query, split_url

from actors.analytics import FlushAnalytics
from app.keys import ANALYTICS
from app.main import create_app
from tests.e2e.api.helpers import bearer, registered_token
from tests.support.fixtures_app import make_settings

pytestmark = pytest.mark.needs_clickhouse


async def test_rest_stats_viewed_carries_the_user(empty_database, tmp_path, ch_url):
    server = TestServer(create_app(make_settings(empty_database, tmp_path, clickhouse_url=ch_url)), host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            user, token = await registered_token(http)
            async with http.get("/api/v1/stats/me", headers=bearer(token)) as response:
                assert response.status == 200
        await server.app[ANALYTICS].ref.ask(FlushAnalytics())
    finally:
        await server.close()
    url, _ = split_url(ch_url)
    rows = (await run_query(url, "SELECT user_id, channel FROM events WHERE event = 'stats_viewed'")).rows
    assert rows == [{"user_id": str(user["id"]), "channel": "api"}]
