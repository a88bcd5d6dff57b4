"""The composition, in one package: the stores (stores.py), the actors with what they own
(concerns.py, actors.py), who hears which event (subscriptions.py), analytics (analytics.py) and
the running system with its outbox relay (running.py). create_app builds the process from it."""
