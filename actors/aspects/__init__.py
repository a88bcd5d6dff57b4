"""Handler aspects. Logging and timing are applied by the runtime to every handler (opt out with
@handles(logged=False / timed=False)); @cached | @invalidates are explicit, right under @handles."""
from actors.aspects.cache import configure_cache, get_cache
from actors.aspects.cached import cached, invalidate, invalidates
from actors.aspects.order import AspectOrderError
from actors.aspects.timed import set_timing_sink

__all__ = ["AspectOrderError", "cached", "configure_cache", "get_cache", "invalidate", "invalidates",
           "set_timing_sink"]
