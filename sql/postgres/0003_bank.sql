-- The question bank (owned by the bank actor) and training (owned by the training actor).

CREATE TABLE subjects (
    id    serial PRIMARY KEY,
    code  text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,31}$'),
    name  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100)
);

-- Where a question comes from: an olympiad, its stage and year.
CREATE TABLE sources (
    id        serial PRIMARY KEY,
    olympiad  text NOT NULL CHECK (length(olympiad) BETWEEN 1 AND 200),
    stage     text NOT NULL CHECK (stage ~ '^[a-z][a-z0-9_]{0,31}$'),
    year      integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    UNIQUE (olympiad, stage, year)
);

CREATE TABLE themes (
    id          serial PRIMARY KEY,
    subject_id  integer NOT NULL REFERENCES subjects (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    UNIQUE (subject_id, name)
);

CREATE TABLE questions (
    id              bigserial PRIMARY KEY,
    external_id     text NOT NULL UNIQUE,
    subject_id      integer NOT NULL REFERENCES subjects (id),
    theme_id        integer NOT NULL REFERENCES themes (id),
    source_id       integer REFERENCES sources (id),
    type            text NOT NULL CHECK (type IN ('yes_no', 'one', 'multiple', 'open')),
    text            text NOT NULL,
    options         jsonb NOT NULL DEFAULT '[]',
    correct_answer  jsonb NOT NULL,          -- server side only: never leaves before an attempt
    tolerance       double precision CHECK (tolerance >= 0),
    explanation     text NOT NULL,
    may_in_subway   boolean NOT NULL DEFAULT false,
    image           text,
    difficulty      smallint NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    points          smallint NOT NULL CHECK (points BETWEEN 1 AND 100),
    content_hash    text NOT NULL,           -- lets a re-import tell "unchanged" from "updated"
    attempts_count  integer NOT NULL DEFAULT 0,
    correct_count   integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_subject_theme_idx ON questions (subject_id, theme_id);
CREATE INDEX questions_source_idx ON questions (source_id, subject_id);

-- A run of training questions; GetNextQuestion never repeats a question inside one.
CREATE TABLE training_sessions (
    id              bigserial PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel         text NOT NULL CHECK (channel IN ('bot', 'api')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    last_active_at  timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX training_sessions_user_idx ON training_sessions (user_id, last_active_at DESC);

-- A timed olympiad paper: N questions of one source and subject.
CREATE TABLE simulations (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject_id   integer NOT NULL REFERENCES subjects (id),
    source_id    integer NOT NULL REFERENCES sources (id),
    channel      text NOT NULL CHECK (channel IN ('bot', 'api')),
    size         smallint NOT NULL CHECK (size > 0),
    started_at   timestamptz NOT NULL,
    deadline     timestamptz NOT NULL CHECK (deadline > started_at),
    finished_at  timestamptz,
    timed_out    boolean NOT NULL DEFAULT false,
    score        double precision,           -- points earned, set when finished
    max_score    integer NOT NULL
);
CREATE INDEX simulations_user_idx ON simulations (user_id, started_at DESC);
CREATE INDEX simulations_open_idx ON simulations (user_id) WHERE finished_at IS NULL;

-- Every showing of a question has its own id: the idempotency key of the answer to it.
CREATE TABLE served_questions (
    id             bigserial PRIMARY KEY,
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id    bigint NOT NULL REFERENCES questions (id),
    session_id     bigint REFERENCES training_sessions (id) ON DELETE CASCADE,
    simulation_id  bigint REFERENCES simulations (id) ON DELETE CASCADE,
    position       smallint,                 -- order inside a simulation paper
    channel        text NOT NULL CHECK (channel IN ('bot', 'api')),
    served_at      timestamptz NOT NULL DEFAULT now(),
    skipped_at     timestamptz,
    CHECK ((session_id IS NULL) <> (simulation_id IS NULL))
);
CREATE INDEX served_questions_session_idx ON served_questions (session_id, question_id);
CREATE UNIQUE INDEX served_questions_paper_idx ON served_questions (simulation_id, position)
    WHERE simulation_id IS NOT NULL;
CREATE INDEX served_questions_user_idx ON served_questions (user_id, question_id);

-- A simulation answer is kept without a verdict until the paper is finished.
CREATE TABLE simulation_answers (
    served_id    bigint PRIMARY KEY REFERENCES served_questions (id) ON DELETE CASCADE,
    answer       jsonb NOT NULL,
    answered_at  timestamptz NOT NULL DEFAULT now()
);

-- One attempt per served question (UNIQUE served_id): a double submit records once.
CREATE TABLE attempts (
    id           bigserial PRIMARY KEY,
    served_id    bigint NOT NULL UNIQUE REFERENCES served_questions (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id  bigint NOT NULL REFERENCES questions (id),
    answer       jsonb NOT NULL,
    correct      boolean NOT NULL,
    score        double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    points       double precision NOT NULL CHECK (points >= 0),
    max_points   smallint NOT NULL,
    elapsed_ms   integer CHECK (elapsed_ms >= 0),
    channel      text NOT NULL CHECK (channel IN ('bot', 'api')),
    mode         text NOT NULL CHECK (mode IN ('training', 'simulation')),
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- "The user's last verdict on each question" drives the selection rule.
CREATE INDEX attempts_user_question_idx ON attempts (user_id, question_id, created_at DESC);
CREATE INDEX attempts_user_time_idx ON attempts (user_id, created_at);
CREATE INDEX attempts_question_idx ON attempts (question_id);

-- "There is a mistake in this question": stored for admins.
CREATE TABLE question_reports (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id  bigint NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    resolved_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    note         text
);
CREATE INDEX question_reports_status_idx ON question_reports (status, created_at);
CREATE INDEX question_reports_question_idx ON question_reports (question_id);

-- Merging accounts now also moves the training history (see 0002_identity.sql).
CREATE OR REPLACE FUNCTION merge_user_into(source bigint, target bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users AS t SET grade = COALESCE(t.grade, s.grade), updated_at = now()
    FROM users AS s WHERE t.id = target AND s.id = source;
    UPDATE api_tokens SET user_id = target WHERE user_id = source;
    DELETE FROM telegram_link_codes WHERE user_id = source;
    UPDATE training_sessions SET user_id = target WHERE user_id = source;
    UPDATE simulations SET user_id = target WHERE user_id = source;
    UPDATE served_questions SET user_id = target WHERE user_id = source;
    UPDATE attempts SET user_id = target WHERE user_id = source;
    UPDATE question_reports SET user_id = target WHERE user_id = source;
    UPDATE question_reports SET resolved_by = target WHERE resolved_by = source;
    DELETE FROM users WHERE id = source;
END
$$;
