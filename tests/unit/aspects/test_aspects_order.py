"""The aspects have one order; any other stacking fails when the class is defined."""
from __future__ import annotations

import pytest

from actors.aspects import AspectOrderError, cached, invalidates
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
        @cached(ttl=30, key=by_user, namespace="things")
        async def get(self, msg): ...

        @handles(Message)
        @invalidates("things", key=by_user)
        async def change(self, msg): ...

        @handles(GetOther, logged=False)  # aspects may be left out, the rest keep their places
        async def other(self, msg): ...

    assert (Things.handler_name(GetThing), Things.handler_name(GetOther)) == ("get", "other")
    assert Things.handler_name(GetThing.__mro__[1]) == "change"  # Message itself


@pytest.mark.parametrize(
    ("stack", "error"),
    [
        (lambda f: cached(ttl=1, key=by_user, namespace="n")(handles(GetThing)(f)),
         "@cached on .* is above @handles"),
        (lambda f: cached(ttl=1, key=by_user, namespace="n")(cached(ttl=1, key=by_user, namespace="n")(f)),
         "@cached applied twice"),
        (lambda f: cached(ttl=1, key=by_user, namespace="n")(invalidates("n", key=by_user)(f)),
         "query or a command, not both"),
    ],
)
def test_a_wrong_order_fails_at_definition(stack, error):
    async def handler(self, msg): ...

    with pytest.raises(AspectOrderError, match=error):
        stack(handler)


def test_a_wrong_order_in_a_class_body_fails_at_import_time():
    with pytest.raises(AspectOrderError, match="above @handles"):
        class Wrong(Actor):
            @invalidates("things", key=by_user)
            @handles(GetThing)
            async def get(self, msg): ...


def test_aspects_only_wrap_async_handlers():
    with pytest.raises(TypeError, match="async def"):
        @invalidates("things", key=by_user)
        def sync_handler(self, msg): ...


def test_the_runtime_aspects_are_on_unless_a_handler_opts_out():
    class Things(Actor):
        @handles(GetThing)
        async def get(self, msg): ...

        @handles(GetOther, logged=False, timed=False)
        async def other(self, msg): ...

    assert (Things.aspects_for(GetThing).logged, Things.aspects_for(GetThing).timed) == (True, True)
    assert (Things.aspects_for(GetOther).logged, Things.aspects_for(GetOther).timed) == (False, False)


def test_cached_needs_a_positive_ttl():
    with pytest.raises(ValueError, match="positive ttl"):
        cached(ttl=0, key=by_user, namespace="n")
