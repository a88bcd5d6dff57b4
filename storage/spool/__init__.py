"""The local analytics spool: batch files kept while ClickHouse is away, replayed when it returns."""
from storage.spool.replay import ReplayResult, replay
from storage.spool.spool import Spool, SpoolCorrupt, SpooledBatch, SpoolEntry

__all__ = ["ReplayResult", "Spool", "SpoolCorrupt", "SpoolEntry", "SpooledBatch", "replay"]
