"""The aspects have one order; any other stacking fails when the class is defined."""
from __future__ import annotations

import pytest

from actors.aspects import AspectOrderError, cached, invalidates, logged, timed
from actors.runtime import Actor, Message, handles


class GetThing(Message):
    user_id: int


class GetOther(Message):
    pass


def by_user(msg):
    return msg.user_id


def test_the_documented_order_is_accepted():
    class Things(Actor):
        @handles(GetThing)
        @logged
        @timed
        @cached(ttl=30, key=by_user, namespace="things")
        async def get(self, msg): ...

        @handles(Message)
        @logged
        @timed
        @invalidates("things", key=by_user)
        async def change(self, msg): ...

        @handles(GetOther)  # aspects may be left out, the rest keep their places
        @timed
        async def other(self, msg): ...

    assert (Things.handler_name(GetThing), Things.handler_name(GetOther)) == ("get", "other")
    assert Things.handler_name(GetThing.__mro__[1]) == "change"  # Message itself


@pytest.mark.parametrize(
    ("stack", "error"),
    [
        (lambda f: timed(logged(f)), "@timed on .* must sit below @logged"),
        (lambda f: cached(ttl=1, key=by_user, namespace="n")(timed(f)),
         "@cached on .* must sit below @timed"),
        (lambda f: invalidates("n", key=by_user)(logged(f)), "@invalidates on .* must sit below @logged"),
        (lambda f: logged(handles(GetThing)(f)), "@logged on .* is above @handles"),
        (lambda f: logged(logged(f)), "@logged applied twice"),
        (lambda f: cached(ttl=1, key=by_user, namespace="n")(invalidates("n", key=by_user)(f)),
         "query or a command, not both"),
    ],
)
def test_a_wrong_order_fails_at_definition(stack, error):
    async def handler(self, msg): ...

    with pytest.raises(AspectOrderError, match=error):
        stack(handler)


def test_a_wrong_order_in_a_class_body_fails_at_import_time():
    with pytest.raises(AspectOrderError, match="the order is @handles, @logged, @timed"):
        class Wrong(Actor):
            @handles(GetThing)
            @timed
            @logged
            async def get(self, msg): ...


def test_aspects_only_wrap_async_handlers():
    with pytest.raises(TypeError, match="async def"):
        @logged
        def sync_handler(self, msg): ...


def test_cached_needs_a_positive_ttl():
    with pytest.raises(ValueError, match="positive ttl"):
        cached(ttl=0, key=by_user, namespace="n")
