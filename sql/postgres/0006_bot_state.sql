-- Bot state shared by every instance behind a load balancer (webhook mode).

-- Telegram may deliver an update twice (retries, two instances): the first claim wins.
CREATE TABLE telegram_updates (
    update_id    bigint PRIMARY KEY,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telegram_updates_received_idx ON telegram_updates (received_at);

-- Dialog (FSM) state per chat and user, so a dialog may continue on another instance.
CREATE TABLE bot_dialogs (
    key         text PRIMARY KEY,
    state       text,
    data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
