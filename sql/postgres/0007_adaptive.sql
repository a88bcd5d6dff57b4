-- Adaptive learning (issue #10), owned by the adaptive and reminders actors.
--
-- Ratings: Elo on the chess scale (1500 = average, +400 = odds x10), with a K that shrinks with the
-- number of answers (see actors/adaptive/rating.py for the formula and why not Glicko-2).
-- Students are rated per subject, questions once each; both move on every answer.

CREATE TABLE user_ratings (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject_id  integer NOT NULL REFERENCES subjects (id),
    rating      double precision NOT NULL,
    answers     integer NOT NULL DEFAULT 0 CHECK (answers >= 0),   -- drives the K factor
    score_sum   double precision NOT NULL DEFAULT 0,               -- sum of scores (0..1 each)
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, subject_id)
);

-- A question without a row is rated from its type, bank difficulty and counters (the seed).
CREATE TABLE question_ratings (
    question_id  bigint PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    rating       double precision NOT NULL,
    answers      integer NOT NULL DEFAULT 0 CHECK (answers >= 0),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per applied answer: makes AnswerSubmitted idempotent and keeps the history of ratings.
CREATE TABLE rating_updates (
    attempt_id       bigint PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
    user_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id      bigint NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    subject_id       integer NOT NULL REFERENCES subjects (id),
    expected         double precision,    -- predicted success before the answer
    outcome          double precision,    -- the attempt's score
    user_before      double precision,
    user_after       double precision,
    question_before  double precision,
    question_after   double precision,
    review_grade     smallint,            -- FSRS rating given to the review card (1 again .. 4 easy)
    applied_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rating_updates_user_idx ON rating_updates (user_id, applied_at);

-- The mistakes queue: an FSRS card per (user, question), opened by a wrong or very slow answer.
CREATE TABLE review_cards (
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id     bigint NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    state           smallint NOT NULL CHECK (state IN (1, 2, 3)),   -- fsrs.State: learning, review, relearning
    step            smallint,
    stability       double precision,
    difficulty      double precision,
    due_at          timestamptz NOT NULL,
    last_review_at  timestamptz,
    reviews         integer NOT NULL DEFAULT 0,
    lapses          integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, question_id)
);
CREATE INDEX review_cards_due_idx ON review_cards (user_id, due_at);

-- Opt-in daily reminders in the bot at a local hour. last_checked_on: the local day a process
-- claimed this user (one evaluation a day, even with several processes); last_sent_on: a
-- reminder went out that day.
CREATE TABLE reminder_settings (
    user_id          bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enabled          boolean NOT NULL DEFAULT true,
    hour             smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
    timezone         text NOT NULL,
    last_checked_on  date,
    last_sent_on     date,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reminder_settings_hour_idx ON reminder_settings (hour) WHERE enabled;

-- Merging accounts moves the adaptive data too.
-- (Carries over everything of 0005's version: a later migration replacing it must do the same.)
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
    -- adaptive (0007): a subject rated on both accounts becomes their answer-weighted mean; a question
    -- queued on both keeps the card due first; the target's reminder settings win.
    UPDATE user_ratings AS t
    SET rating = (t.rating * t.answers + s.rating * s.answers) / GREATEST(t.answers + s.answers, 1),
        answers = t.answers + s.answers, score_sum = t.score_sum + s.score_sum, updated_at = now()
    FROM user_ratings AS s
    WHERE t.user_id = target AND s.user_id = source AND s.subject_id = t.subject_id;
    DELETE FROM user_ratings AS r USING user_ratings AS t
    WHERE r.user_id = source AND t.user_id = target AND t.subject_id = r.subject_id;
    UPDATE user_ratings SET user_id = target WHERE user_id = source;
    DELETE FROM review_cards AS t USING review_cards AS s
    WHERE t.user_id = target AND s.user_id = source AND s.question_id = t.question_id AND s.due_at < t.due_at;
    DELETE FROM review_cards AS r USING review_cards AS t
    WHERE r.user_id = source AND t.user_id = target AND t.question_id = r.question_id;
    UPDATE review_cards SET user_id = target WHERE user_id = source;
    UPDATE rating_updates SET user_id = target WHERE user_id = source;
    DELETE FROM reminder_settings WHERE user_id = source
        AND EXISTS (SELECT 1 FROM reminder_settings WHERE user_id = target);
    UPDATE reminder_settings SET user_id = target WHERE user_id = source;
    DELETE FROM users WHERE id = source;
END
$$;
