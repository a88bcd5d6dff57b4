"""`apo run`: serve the REST API, the admin API and the bot in one process."""
from __future__ import annotations

import argparse
import gc

from aiohttp import web
from loguru import logger

from app.commands.startup_errors import check_data_dir, check_port, explain
from app.config import Settings

SHUTDOWN_TIMEOUT_SECONDS = 4.0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("run", help="serve the REST API, admin API and the bot")
    parser.add_argument("--only", choices=("all", "api", "bot"), default="all",
                        help="serve one platform (a container per platform); default: all")
    parser.set_defaults(handler=run)


def run(settings: Settings, args: argparse.Namespace) -> int:
    try:
        return _serve(settings, args)
    except Exception as exc:  # noqa: BLE001 - only explained causes are caught; a bug keeps its traceback
        cause = explain(exc, settings)
        if cause is None:
            raise
        logger.error("start-up failed: {}", cause)
        return 2


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from app.main import EDGES, create_app  # imported here so one-shot commands stay light

    check_data_dir(settings.data_dir)
    check_port(settings.http_host, settings.http_port)
    edges = EDGES if args.only == "all" else frozenset({args.only})
    logger.info("serving {} on http://{}:{}", "+".join(sorted(edges)), settings.http_host, settings.http_port)
    app = create_app(settings, edges)
    # The ~300,000 objects of the imports (aiogram, pydantic schemas) live as long as the process:
    # left in the collected generations, every full collection walks them and stalls the loop for
    # 0.3-1 s on a busy machine (mailing lost its pace, requests their p99).
    gc.collect()
    gc.freeze()
    web.run_app(app, host=settings.http_host, port=settings.http_port,
                print=None, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS)
    logger.info("stopped")
    return 0
