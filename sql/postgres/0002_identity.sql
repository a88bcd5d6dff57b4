-- Bearer tokens for the REST API: only a SHA-256 of the token is stored.
CREATE TABLE api_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- One-time codes that link a Telegram user to a REST account (stored hashed, 10 minutes).
CREATE TABLE telegram_link_codes (
    code_hash   bytea PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX telegram_link_codes_user_idx ON telegram_link_codes (user_id);

-- Merging a bot-only account into a REST account moves every row that belongs to the source
-- user, in the caller's transaction, then deletes the source. Each later migration that adds a
-- table referencing users replaces this function and moves that table too.
CREATE FUNCTION merge_user_into(source bigint, target bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users AS t SET grade = COALESCE(t.grade, s.grade), updated_at = now()
    FROM users AS s WHERE t.id = target AND s.id = source;
    UPDATE api_tokens SET user_id = target WHERE user_id = source;
    DELETE FROM telegram_link_codes WHERE user_id = source;
    DELETE FROM users WHERE id = source;
END
$$;
