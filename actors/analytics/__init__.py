"""Analytics: domain events, handler timings and log records to ClickHouse, spooled when it is away."""
from actors.analytics.actor import AnalyticsActor
from actors.analytics.counters import Counters
from actors.analytics.intake import Intake
from actors.analytics.messages import (
    AnalyticsStatus,
    FlushAnalytics,
    GetAnalyticsStatus,
    RecordLog,
    RecordTiming,
)
from actors.analytics.options import AnalyticsOptions

__all__ = ["AnalyticsActor", "AnalyticsOptions", "AnalyticsStatus", "Counters", "FlushAnalytics",
           "GetAnalyticsStatus", "Intake", "RecordLog", "RecordTiming"]
