"""Relay options for tests: the poller looks often and retries come soon, so catching up after an
outage or a crash takes tenths of a second instead of seconds."""
from actors.outbox.options import RelayOptions

QUICK_RELAY = RelayOptions(poll_interval=0.05, retry_first=0.05, retry_max=0.5, status_interval=0.5,
                           liveness_interval=0.5)
