-- Contests, their registrations, and which submissions count in one.
CREATE TABLE contests (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT    NOT NULL,
    start_at   TEXT    NOT NULL,
    -- The length, and the scoreboard freeze before the end, in seconds.
    duration_s INTEGER NOT NULL CHECK (duration_s > 0),
    freeze_s   INTEGER NOT NULL DEFAULT 0 CHECK (freeze_s >= 0),
    scoring    TEXT    NOT NULL DEFAULT 'icpc',
    -- The problems as JSON: [{"label": "A", "problem": "two-sum"}, ...].
    problems   TEXT    NOT NULL,
    -- Set when an admin reveals the frozen scoreboard.
    revealed_at TEXT,
    created_at TEXT    NOT NULL
);

CREATE TABLE registrations (
    contest_id    INTEGER NOT NULL REFERENCES contests (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    registered_at TEXT    NOT NULL,
    PRIMARY KEY (contest_id, user_id)
);

-- The contest a submission counts in, or NULL for practice.
ALTER TABLE submissions ADD COLUMN contest_id INTEGER REFERENCES contests (id);
CREATE INDEX submissions_contest ON submissions (contest_id, id) WHERE contest_id IS NOT NULL;
