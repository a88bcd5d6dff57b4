-- The transactional outbox (issue 17). A domain event whose fact lives in PostgreSQL is written
-- here in the fact's own transaction, so the event exists exactly when the fact does. The relay
-- (actors/outbox) publishes each row to the event's subscribers and deletes it once every one of
-- them has applied it: deleting is how a row is marked done, and what keeps the table small.
--
-- Relaying: the instance that writes a row normally claims it at once (claimed_by: its relay's
-- key) and delivers it in process. Any instance's poller claims the free rows: never claimed,
-- released after a failure, or claimed by an instance that is gone. An instance is alive while it
-- holds the advisory lock (namespace, its key) on a connection of its own; PostgreSQL drops that
-- lock the moment the process dies, so a crash leaves nothing waiting for a timeout.
-- Per-user order: a row waits while an older row of the same user_key is claimed by a live
-- instance or waits for its retry (see storage/postgres/outbox_repo.py).
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    event_id     uuid NOT NULL DEFAULT gen_random_uuid(),  -- subscribers de-duplicate on it
    user_key     bigint NOT NULL,                           -- order is kept per key; 0: no user
    event_type   text NOT NULL,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    claimed_by   integer,                                   -- the relaying instance's key
    available_at timestamptz NOT NULL DEFAULT now(),        -- a failed delivery's retry time
    attempts     integer NOT NULL DEFAULT 0,
    pending      text[],                                    -- subscribers still to apply it; NULL: all
    dead         boolean NOT NULL DEFAULT false,            -- gave up retrying: kept, shown, never dropped
    last_error   text
);
CREATE INDEX outbox_user_idx ON outbox (user_key, id);
