"""The outbox names an event by its class name: the concerns' events have unique names."""
from __future__ import annotations

import pytest

from actors.outbox import event_types as registry
from actors.runtime import Event
from actors.training.messages import AnswerSubmitted


class QuestionServed(Event):  # a test's own class named like a concern's event gives way to it
    pass


def test_every_concern_event_is_found_under_its_own_name():
    import app.wiring.actors  # noqa: F401 - imports every concern, as the service does

    types = registry.event_types()
    assert types["AnswerSubmitted"] is AnswerSubmitted
    assert types["QuestionServed"].__module__ == "actors.training.messages"


def test_two_concern_events_with_one_name_are_refused():
    # Stand-ins, not Event subclasses: a real subclass would stay registered for every later test.
    first, second = (type("LessonPlanned", (), {"__module__": f"actors.{name}.messages"})
                     for name in ("lessons", "timetable"))
    with pytest.raises(TypeError, match="two events are named LessonPlanned"):
        registry.by_name([first, second])
    assert registry.by_name([QuestionServed, AnswerSubmitted])["AnswerSubmitted"] is AnswerSubmitted
