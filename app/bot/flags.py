"""Handler flags read by the inner middlewares (see middlewares/): one place to say what a handler needs.

- requires_user: the Telegram user must be registered; the handler gets `user: UserView`.
- knows_user: the handler gets `known_user: UserView | None` (None: not registered yet).
- throttle: the rate (middlewares/throttling.RATES) this handler counts against, per user.
"""
REGISTERED = {"requires_user": True, "throttle": "default"}
ANYONE = {"knows_user": True, "throttle": "default"}
