"""Broadcast mailings: Telegram-HTML messages to a segment of users, at a global rate, resumable."""
