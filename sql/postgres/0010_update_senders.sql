-- Who sent each claimed webhook update, so the bot's flood limit counts a user's updates across
-- every instance (a load balancer spreads one user's updates over them; counted per process, N
-- instances allowed N times the rate). NULL for updates without a sender (or claimed before this).

ALTER TABLE telegram_updates ADD COLUMN user_id bigint;
CREATE INDEX telegram_updates_user_idx ON telegram_updates (user_id, received_at) WHERE user_id IS NOT NULL;
