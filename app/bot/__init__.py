"""The Telegram edge: aiogram routers, middlewares (aspects), keyboards and localized texts.

runner.bot_context starts and stops the bot inside the aiohttp app; dispatcher.build_dispatcher
wires middlewares and routers (the router order is written down in handlers/__init__.py).
Handlers only translate: parse the update -> ask an actor -> render a screen.
"""
