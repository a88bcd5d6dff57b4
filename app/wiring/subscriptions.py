"""Who hears what: the one table of subscriptions, event -> the actors that apply it.

Events whose fact is in PostgreSQL come out of the outbox through the relay (actors/outbox), the
others are published by the runtime after their handler; both reach the subscribers named here.
A subscription to a base class covers its subclasses: analytics hears every event.
"""
from __future__ import annotations

from actors.bank.messages import QuestionsImported
from actors.runtime import ActorSystem, Event
from actors.training.messages import AnswerSubmitted
from actors.users.messages import AccountDeleted, AccountsMerged

SUBSCRIPTIONS: dict[type[Event], tuple[str, ...]] = {
    AnswerSubmitted:   ("stats", "adaptive"),  # statistics; ratings and the mistakes queue
    AccountsMerged:    ("stats", "filters"),   # recount the target; keep one filter
    AccountDeleted:    ("stats", "filters"),   # drop the documents (PostgreSQL cascaded the rest)
    QuestionsImported: ("training",),          # drop the cached questions
    Event:             ("analytics",),         # every event, into ClickHouse
}


def subscribe(system: ActorSystem, table: dict[type[Event], tuple[str, ...]] = SUBSCRIPTIONS) -> None:
    """Subscribes the spawned actors as the table says (a test system may spawn only some)."""
    for event_type, names in table.items():
        for name in names:
            if system.has(name):
                system.subscribe(event_type, system.ref(name))
