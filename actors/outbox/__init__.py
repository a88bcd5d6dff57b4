"""The outbox relay: publishes the events that concerns wrote to the outbox table in their own
transactions, in order per user, and deletes each row once every subscriber has applied it."""
