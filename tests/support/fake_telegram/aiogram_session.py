"""Point a real aiogram Bot at the fake."""

from __future__ import annotations

from typing import Any

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer


class LocalAiohttpSession(AiohttpSession):
    """aiogram's AiohttpSession without the 250 ms pause in ``close()`` that it keeps for TLS
    connections; plain HTTP to localhost needs none, and tests open and close many bots."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def fake_session(base_url: str, **kwargs: Any) -> AiohttpSession:
    """An aiogram session that sends every Bot API call to the fake at ``base_url``."""
    return LocalAiohttpSession(api=TelegramAPIServer.from_base(base_url), **kwargs)
