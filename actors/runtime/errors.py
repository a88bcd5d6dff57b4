"""Errors the runtime raises at a caller; the edges map them (ActorBusy -> 503 / "try again")."""
from __future__ import annotations


class ActorError(Exception):
    """Base of every runtime error, so an edge can catch the runtime's failures in one place."""


class ActorBusy(ActorError):
    """The mailbox stayed full for the whole busy wait: back-pressure, the caller should retry later."""

    def __init__(self, actor: str, waited: float) -> None:
        super().__init__(f"actor {actor!r} is busy: mailbox full for {waited:.3f} s")
        self.actor = actor


class AskTimeout(ActorError, TimeoutError):
    """No reply within the ask timeout. Also a TimeoutError, so generic timeout handling catches it."""

    def __init__(self, actor: str, message_type: str, timeout: float) -> None:
        super().__init__(f"actor {actor!r} did not answer {message_type} within {timeout:.3f} s")
        self.actor = actor
        self.message_type = message_type


class ActorStopped(ActorError):
    """The actor (or the whole system) is stopped or gave up restarting; nothing will answer."""

    def __init__(self, actor: str, reason: str = "stopped") -> None:
        super().__init__(f"actor {actor!r} is {reason}")
        self.actor = actor


class UnhandledMessage(ActorError, TypeError):
    """Nobody in the actor's dispatch table handles this message type: a wiring bug, said loudly."""

    def __init__(self, actor: str, message_type: str) -> None:
        super().__init__(f"actor {actor!r} has no @handles for message type {message_type}")
        self.actor = actor
        self.message_type = message_type


class NoRoute(ActorError, TypeError):
    """system.ask/tell by message type needs exactly one started actor that handles the type."""

    def __init__(self, message_type: str, candidates: list[str]) -> None:
        found = ", ".join(candidates) if candidates else "none (or the system is not started)"
        super().__init__(f"{message_type} needs exactly one handling actor; found: {found}")
        self.message_type = message_type


class ActorCrash(Exception):
    """Raised by a handler to crash the actor loop on purpose (state is corrupt, restart me).

    Ordinary exceptions only fail one message; this one makes the supervisor replace the instance.
    The caller of the ask that triggered it still gets it, so nobody waits for a timeout.
    """
