"""The bot's shared state: which updates were handled, where each dialog stands."""
