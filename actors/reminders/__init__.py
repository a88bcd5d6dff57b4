"""Opt-in daily reminders in the bot (issue #10)."""
