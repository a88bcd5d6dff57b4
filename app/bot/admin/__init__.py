"""The bot's admin screens (admins only): /mailing, /export, question import by document."""
