"""The in-process actor runtime: typed messages, bounded mailboxes, supervision, events, health."""
from actors.runtime.actor import Actor, handles
from actors.runtime.errors import (
    ActorBusy,
    ActorCrash,
    ActorError,
    ActorStopped,
    AskTimeout,
    NoRoute,
    UnhandledMessage,
)
from actors.runtime.message import Event, Message
from actors.runtime.ref import ActorRef
from actors.runtime.supervisor import SupervisorPolicy
from actors.runtime.system import ActorSystem
from actors.runtime.trace import TRACE, trace_scope

__all__ = [
    "TRACE", "Actor", "ActorBusy", "ActorCrash", "ActorError", "ActorRef", "ActorStopped", "ActorSystem",
    "AskTimeout", "Event", "Message", "NoRoute", "SupervisorPolicy", "UnhandledMessage", "handles",
    "trace_scope",
]
