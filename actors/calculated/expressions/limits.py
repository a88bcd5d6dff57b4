"""Hard bounds on one expression. There are no loops, no recursion and no user functions, so an
evaluation visits each node at most once: MAX_NODES bounds its time; MAX_MAGNITUDE bounds every
value (numbers are 64-bit floats, so no huge integers can appear); MAX_DEPTH keeps the parser far
from Python's recursion limit."""

MAX_LENGTH = 500  # characters of one expression
MAX_NODES = 200  # numbers, names, operators and calls in one expression
MAX_DEPTH = 30  # nested parentheses, calls, unary signs and `not`s
MAX_ARGUMENTS = 10  # of one call (min/max take several)
MAX_MAGNITUDE = 1e15  # every literal and every intermediate result: |value| <= this
RELATIVE_EPSILON = 1e-9  # `==`, `!=` and whole() forgive float rounding at this relative size
