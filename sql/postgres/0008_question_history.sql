-- Each user's history per question, kept up to date by triggers: what the selection rule reads
-- (actors/training/selection.py) for every next question.
--
-- The selection used to fold all of the user's attempts and served questions on every call, which
-- grows with the user's history (a few hundred answers already cost more than the rest of the
-- statement). One row per (user, question) makes it one index lookup per candidate. The triggers
-- cover every writer: training, simulations, adaptive serving, and the account merge (which moves
-- rows between users and so recounts both).

CREATE TABLE user_question_history (
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id       bigint NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    times_served      integer NOT NULL DEFAULT 0 CHECK (times_served >= 0),
    last_correct      boolean,         -- the verdict of the latest answer; NULL: never answered
    last_answered_at  timestamptz,
    last_attempt_id   bigint,          -- breaks ties of created_at, as the old fold did
    PRIMARY KEY (user_id, question_id)
);

-- Recounts one (user, question) from the base tables: after rows moved between users.
CREATE FUNCTION recount_question_history(p_user bigint, p_question bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM user_question_history WHERE user_id = p_user AND question_id = p_question;
    INSERT INTO user_question_history (user_id, question_id, times_served, last_correct, last_answered_at,
                                       last_attempt_id)
    SELECT p_user, p_question,
           (SELECT count(*) FROM served_questions WHERE user_id = p_user AND question_id = p_question),
           la.correct, la.created_at, la.id
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
        SELECT correct, created_at, id FROM attempts WHERE user_id = p_user AND question_id = p_question
        ORDER BY created_at DESC, id DESC LIMIT 1
    ) la ON true
    WHERE EXISTS (SELECT 1 FROM served_questions WHERE user_id = p_user AND question_id = p_question)
       OR la.id IS NOT NULL;
END
$$;

CREATE FUNCTION count_served_question() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_question_history (user_id, question_id, times_served)
    VALUES (NEW.user_id, NEW.question_id, 1)
    ON CONFLICT (user_id, question_id) DO UPDATE
    SET times_served = user_question_history.times_served + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION note_answer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_question_history (user_id, question_id, last_correct, last_answered_at, last_attempt_id)
    VALUES (NEW.user_id, NEW.question_id, NEW.correct, NEW.created_at, NEW.id)
    ON CONFLICT (user_id, question_id) DO UPDATE
    SET last_correct = EXCLUDED.last_correct, last_answered_at = EXCLUDED.last_answered_at,
        last_attempt_id = EXCLUDED.last_attempt_id
    WHERE user_question_history.last_answered_at IS NULL
       OR (EXCLUDED.last_answered_at, EXCLUDED.last_attempt_id)
          >= (user_question_history.last_answered_at, user_question_history.last_attempt_id);
    RETURN NULL;
END
$$;

CREATE FUNCTION recount_moved_history() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM recount_question_history(OLD.user_id, OLD.question_id);
    PERFORM recount_question_history(NEW.user_id, NEW.question_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER served_questions_history AFTER INSERT ON served_questions
    FOR EACH ROW EXECUTE FUNCTION count_served_question();
CREATE TRIGGER attempts_history AFTER INSERT ON attempts
    FOR EACH ROW EXECUTE FUNCTION note_answer();
CREATE TRIGGER served_questions_moved AFTER UPDATE OF user_id, question_id ON served_questions
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.question_id IS DISTINCT FROM NEW.question_id)
    EXECUTE FUNCTION recount_moved_history();
CREATE TRIGGER attempts_moved AFTER UPDATE OF user_id, question_id ON attempts
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.question_id IS DISTINCT FROM NEW.question_id)
    EXECUTE FUNCTION recount_moved_history();

INSERT INTO user_question_history (user_id, question_id, times_served, last_correct, last_answered_at,
                                   last_attempt_id)
SELECT k.user_id, k.question_id, COALESCE(shown.times_served, 0), la.correct, la.created_at, la.id
FROM (SELECT user_id, question_id FROM served_questions UNION SELECT user_id, question_id FROM attempts) k
LEFT JOIN (SELECT user_id, question_id, count(*) AS times_served FROM served_questions
           GROUP BY user_id, question_id) shown USING (user_id, question_id)
LEFT JOIN (SELECT DISTINCT ON (user_id, question_id) user_id, question_id, correct, created_at, id
           FROM attempts ORDER BY user_id, question_id, created_at DESC, id DESC) la
    USING (user_id, question_id);
