-- Admin: broadcast mailings (owned by the mailing actor) and xlsx export jobs (the export actor).

-- Set when Telegram answers 403 to a send (the user blocked the bot or deleted the account);
-- mailings skip such users. Cleared when the user writes to the bot again.
ALTER TABLE users ADD COLUMN bot_blocked boolean NOT NULL DEFAULT false;

CREATE TABLE mailings (
    id            bigserial PRIMARY KEY,
    created_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),  -- Telegram HTML, validated
    photo         text,                                   -- a Telegram file_id or an https URL
    segment       jsonb NOT NULL,                         -- {"kind": "all" | "grade" | ...}
    status        text NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'running', 'paused', 'cancelled', 'finished')),
    materialized  boolean NOT NULL DEFAULT false,         -- recipients chosen (once, at the first start)
    total         integer NOT NULL DEFAULT 0,
    -- Counters moved in the same transaction as the recipients' states, so progress is one row.
    sent          integer NOT NULL DEFAULT 0,
    failed        integer NOT NULL DEFAULT 0,
    blocked       integer NOT NULL DEFAULT 0,
    interrupted   integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mailings_running_idx ON mailings (id) WHERE status = 'running';

-- One row per recipient and mailing: the durable state that makes a restart resume without
-- duplicates. pending -> (leased) -> sending -> sent | failed | blocked; a `sending` row whose lease
-- expired belonged to a process that died mid-send: it becomes `interrupted` and is never re-sent.
CREATE TABLE mailing_recipients (
    mailing_id    bigint NOT NULL REFERENCES mailings (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chat_id       bigint NOT NULL,
    state         text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'blocked', 'interrupted')),
    lease_owner   text,
    lease_until   timestamptz,
    error         text,
    attempted_at  timestamptz,                            -- when the state became final
    PRIMARY KEY (mailing_id, user_id)
);
CREATE INDEX mailing_recipients_open_idx ON mailing_recipients (mailing_id, user_id)
    WHERE state IN ('pending', 'sending');
CREATE INDEX mailing_recipients_recent_idx ON mailing_recipients (mailing_id, attempted_at)
    WHERE attempted_at IS NOT NULL;
CREATE INDEX mailing_recipients_user_idx ON mailing_recipients (user_id);

CREATE TABLE export_jobs (
    id            bigserial PRIMARY KEY,
    requested_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    kind          text NOT NULL CHECK (kind IN ('users', 'attempts', 'statistics', 'questions', 'mailing')),
    params        jsonb NOT NULL DEFAULT '{}',
    status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    rows_total    bigint,
    rows_written  bigint NOT NULL DEFAULT 0,
    file_name     text,
    file_bytes    bigint,
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),   -- the running job's heartbeat
    finished_at   timestamptz
);
CREATE INDEX export_jobs_created_idx ON export_jobs (created_at);

-- Merging accounts now also moves mailings, recipients and export jobs (see 0003_bank.sql).
CREATE OR REPLACE FUNCTION merge_user_into(source bigint, target bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users AS t SET grade = COALESCE(t.grade, s.grade), bot_blocked = t.bot_blocked OR s.bot_blocked,
                          updated_at = now()
    FROM users AS s WHERE t.id = target AND s.id = source;
    UPDATE api_tokens SET user_id = target WHERE user_id = source;
    DELETE FROM telegram_link_codes WHERE user_id = source;
    UPDATE training_sessions SET user_id = target WHERE user_id = source;
    UPDATE simulations SET user_id = target WHERE user_id = source;
    UPDATE served_questions SET user_id = target WHERE user_id = source;
    UPDATE attempts SET user_id = target WHERE user_id = source;
    UPDATE question_reports SET user_id = target WHERE user_id = source;
    UPDATE question_reports SET resolved_by = target WHERE resolved_by = source;
    DELETE FROM mailing_recipients AS r USING mailing_recipients AS t
    WHERE r.user_id = source AND t.user_id = target AND t.mailing_id = r.mailing_id;
    UPDATE mailing_recipients SET user_id = target WHERE user_id = source;
    UPDATE mailings SET created_by = target WHERE created_by = source;
    UPDATE export_jobs SET requested_by = target WHERE requested_by = source;
    DELETE FROM users WHERE id = source;
END
$$;
