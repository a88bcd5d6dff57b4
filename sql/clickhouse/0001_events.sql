-- Analytics events: domain events, handler timings (event = 'handler' or a declared action) and
-- the analytics actor's own status rows. Runs on ClickHouse 18.16 and on current releases, so only
-- plain types: DateTime('UTC'), UInt8 for booleans, String for the JSON `extra`.
--
-- Exactly once: every row has a unique event_id and the batch_id it was first sent in. The writer
-- skips rows of a re-sent batch that are already stored; ReplacingMergeTree over a key that ends
-- in event_id is the backstop that collapses any duplicate left by a race on the next merge.
CREATE TABLE IF NOT EXISTS events
(
    event_id     UUID,
    batch_id     UUID,
    time         DateTime('UTC'),
    event        String,
    user_id      UInt64,
    channel      String,
    subject      String,
    theme        String,
    question_id  String,
    correct      UInt8,
    points       Float64,
    max_points   Float64,
    latency_ms   Float64,
    request_id   String,
    actor        String,
    message_type String,
    outcome      String,
    extra        String
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (event, time, event_id);
