"""Loguru setup: console or JSON lines, stdlib logging routed in, secrets masked.

The mask is the sink's last step, over the whole formatted line (message, bound fields and any
traceback), so no layer's text gets past it: ours, aiohttp's, aiogram's, psycopg2's or pydantic's.
The message alone is masked earlier too, for the sinks that store it (ClickHouse's logs table).
"""
from __future__ import annotations

import logging
import re
import sys

from loguru import logger

# Bot tokens, bearer tokens, our API tokens and password/secret fields never reach a log line.
_SECRET_PATTERNS = (
    (re.compile(r"(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}"), "<bot-token>"),  # also inside .../bot<token>/getMe
    (re.compile(r"(?i)(bearer\s+)[^\s'\"\\,;]+"), r"\1<token>"),
    (re.compile(r"\bapo_[A-Za-z0-9_-]{32,}"), "apo_<token>"),  # ours: 43 characters; a bot username is at most 32
    (re.compile(r"(?i)(authorization['\"]?\s*[=:]\s*['\"]?)(?!bearer\s)(?:\w+\s+)?[^\s'\"\\,;]+"), r"\1<hidden>"),
    (re.compile(r"(?i)((?:password|passwd|secret|token|dsn)['\"]?\s*[=:]\s*['\"]?)[^\s'\",}]+"), r"\1<hidden>"),
    (re.compile(r"(?i)(://[^:/\s@]+:)[^@/\s]+@"), r"\1<hidden>@"),
    # pydantic's error texts quote the input, which may be a password.
    (re.compile(r"(input_value=)('[^']*'|\"[^\"]*\"|\S+)"), r"\1<hidden>"),
)


def mask_secrets(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _patch(record: dict) -> None:
    record["message"] = mask_secrets(record["message"])


class _InterceptHandler(logging.Handler):
    """Sends stdlib records (aiohttp, aiogram, asyncio) to loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(exception=record.exc_info, depth=6).bind(logger_name=record.name).log(
            level, record.getMessage()
        )


def _console_format(record: dict) -> str:
    # Bound context (request_id, user_id, actor) as key=value, only when there is some.
    extra = " ".join(f"{key}={value}" for key, value in record["extra"].items())
    record["extra"]["_context"] = f" [{extra}]" if extra else ""
    return ("<green>{time:HH:mm:ss.SSS}</green> <level>{level: <7}</level> <cyan>{name}</cyan>"
            "{extra[_context]} - <level>{message}</level>\n{exception}")


def _masked_stderr(line: str) -> None:
    sys.stderr.write(mask_secrets(line))


def setup_logging(level: str = "INFO", json: bool = False) -> None:
    logger.remove()
    logger.configure(patcher=_patch)
    if json:
        logger.add(_masked_stderr, level=level, serialize=True, backtrace=False, diagnose=False)
    else:
        logger.add(_masked_stderr, level=level, format=_console_format, backtrace=False, diagnose=False,
                   colorize=sys.stderr.isatty())
    logging.basicConfig(handlers=[_InterceptHandler()], level=logging.INFO, force=True)
    # The timing middleware logs each request once; aiohttp's access log would repeat it.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
