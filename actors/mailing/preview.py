"""A preview goes to the asking admin only, through the same rate limits as the mailing itself."""
from __future__ import annotations

import asyncio
import math

from actors.errors import RateLimited
from actors.mailing.errors import NoTelegramChat, PreviewFailed
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Blocked, Failed, RetryAfter, Sender
from storage.postgres.mailing_repo import MailingRecord


async def send_preview(sender: Sender, limiter: RateLimiter, pacer: ChatPacer, options: MailingOptions,
                       mailing: MailingRecord, chat_id: int | None) -> None:
    if chat_id is None:
        raise NoTelegramChat()
    if limiter.paused_for > 0:  # Telegram asked everyone to wait: say so instead of hanging
        raise RateLimited(math.ceil(limiter.paused_for), "Telegram asked to slow down; try again shortly")
    await limiter.take(1)
    wait = pacer.wait_for(chat_id)
    if wait > 0:
        await asyncio.sleep(wait)
    pacer.record(chat_id)
    try:
        result = await asyncio.wait_for(sender.send(chat_id, mailing.text, mailing.photo), options.preview_timeout)
    except TimeoutError:
        raise PreviewFailed("Telegram did not answer in time; the preview may still arrive") from None
    if isinstance(result, RetryAfter):
        limiter.pause(result.seconds)
        raise RateLimited(math.ceil(result.seconds), "Telegram asked to slow down; try again shortly")
    if isinstance(result, Blocked):
        raise PreviewFailed("Telegram refused: this chat has blocked the bot")
    if isinstance(result, Failed):
        raise PreviewFailed(f"Telegram did not deliver the preview: {result.reason}")
