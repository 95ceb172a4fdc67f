-- Accounts, bearer tokens (only their SHA-256 is kept), drafts, and what the
-- fair queue and the API need on submissions.
CREATE TABLE users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL CHECK (role IN ('user', 'admin')),
    created_at TEXT    NOT NULL
);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    hash       TEXT    NOT NULL UNIQUE,
    label      TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    revoked_at TEXT
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE drafts (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    problem    TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    code       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, problem, language)
);

-- user_id is NULL for submissions stored before accounts existed.
ALTER TABLE submissions ADD COLUMN user_id INTEGER REFERENCES users (id);
-- The custom tests of a run, as JSON.
ALTER TABLE submissions ADD COLUMN input TEXT;
-- The fair queue's round: a user's k-th waiting submission of a mode waits
-- behind every user's (k-1)-th.
ALTER TABLE submissions ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
-- The client's Idempotency-Key: a retried POST returns the first submission.
ALTER TABLE submissions ADD COLUMN idem_key TEXT;

DROP INDEX submissions_queue;
CREATE INDEX submissions_queue ON submissions (state, round, mode, id);
CREATE INDEX submissions_user ON submissions (user_id, id);
CREATE INDEX submissions_user_state ON submissions (user_id, mode, state);
CREATE INDEX submissions_user_problem ON submissions (user_id, problem, verdict);
CREATE UNIQUE INDEX submissions_idem ON submissions (user_id, idem_key) WHERE idem_key IS NOT NULL;
