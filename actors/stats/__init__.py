"""Statistics: per-user aggregates of every answer, streaks by local day, and leaderboards (issue #5)."""
