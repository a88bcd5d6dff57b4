-- Log records (WARNING and above by default) from the loguru sink; same exactly-once scheme as events.
CREATE TABLE IF NOT EXISTS logs
(
    event_id   UUID,
    batch_id   UUID,
    time       DateTime('UTC'),
    level      String,
    logger     String,
    message    String,
    request_id String,
    actor      String,
    extra      String
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (level, time, event_id);
