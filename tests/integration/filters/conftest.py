"""Filters on both document adapters, with the real users, bank and training actors."""
from tests.support.live_concerns import live  # noqa: F401  (the fixture)
