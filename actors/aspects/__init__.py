"""Handler aspects, stacked in one fixed order under @handles: @logged, @timed, @cached | @invalidates."""
from actors.aspects.cache import configure_cache, get_cache
from actors.aspects.cached import cached, invalidate, invalidates
from actors.aspects.logged import logged
from actors.aspects.order import AspectOrderError
from actors.aspects.timed import set_timing_sink, timed

__all__ = ["AspectOrderError", "cached", "configure_cache", "get_cache", "invalidate", "invalidates",
           "logged", "set_timing_sink", "timed"]
