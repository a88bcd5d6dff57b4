-- Users: one account per person, reachable from Telegram, the REST API or both.
CREATE TABLE users (
    id             bigserial PRIMARY KEY,
    telegram_id    bigint UNIQUE,
    email          text,
    password_hash  text,
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
    grade          text CHECK (grade IN ('5', '6', '7', '8', '9', '10', '11', 'student', 'teacher')),
    locale         text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
    timezone       text NOT NULL DEFAULT 'Europe/Moscow',
    is_admin       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (telegram_id IS NOT NULL OR email IS NOT NULL)
);

-- Emails are compared case-insensitively.
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL;
