-- Failed password logins, shared by every instance (owned by the auth actor). Login is throttled per
-- account and per client address over a sliding window; kept in one process's memory, N instances
-- behind a load balancer allowed N times the guesses.
--
-- `key` is a SHA-256 of "account:<email>" or "address:<ip>": the table never holds an email or an
-- address in the clear. Rows older than the window are deleted as the throttle goes.

CREATE TABLE login_failures (
    key        bytea NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);
CREATE INDEX login_failures_time_idx ON login_failures (failed_at);
