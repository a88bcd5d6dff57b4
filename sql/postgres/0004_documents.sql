-- Documents (per-user statistics and filters) when no MongoDB is configured: one row per document.
-- Owned by storage/documents/postgres_jsonb.py; each collection's own indexes (expression indexes
-- on body paths, partial on the collection) are created idempotently at start by ensure_indexes.
-- No foreign key to users: keys are the owning concern's ("42"), and merges are handled by events.

CREATE TABLE documents (
    collection  text NOT NULL CHECK (collection ~ '^[a-z][a-z0-9_]{0,40}$'),
    key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    version     bigint NOT NULL CHECK (version >= 0),  -- 0 only inside the transaction creating it
    body        jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collection, key)
);
