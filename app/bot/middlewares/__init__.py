"""Bot middlewares: the bot's aspects. The order they run in is set in app/bot/dispatcher.py."""
