-- The login throttle counts per (account, address) pair, per account and per address (owned by the
-- auth actor; the rule is actors/auth/throttle_rule.py). A row is written before the password is
-- checked, under an advisory lock on the account, so concurrent guesses on every instance see each
-- other; a right password deletes its row again. Addresses that logged in to (or registered) an
-- account are remembered: the account-wide limit does not hold them back.
--
-- Keys are SHA-256 of "account:<email>" / "address:<ip>": no email or address in the clear.

DROP TABLE login_failures;

CREATE TABLE login_failures (
    id           bigserial PRIMARY KEY,
    account_key  bytea NOT NULL,
    address_key  bytea NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account_idx ON login_failures (account_key, failed_at);
CREATE INDEX login_failures_address_idx ON login_failures (address_key, failed_at);
CREATE INDEX login_failures_time_idx ON login_failures (failed_at);

CREATE TABLE login_known_addresses (
    account_key  bytea NOT NULL,
    address_key  bytea NOT NULL,
    seen_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_key, address_key)
);
CREATE INDEX login_known_addresses_time_idx ON login_known_addresses (seen_at);

-- Registrations per address, for the registration throttle.
CREATE TABLE registration_attempts (
    address_key     bytea NOT NULL,
    attempted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_attempts_address_idx ON registration_attempts (address_key, attempted_at);
