CREATE TABLE submissions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    problem     TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    mode        TEXT    NOT NULL DEFAULT 'submit',
    state       TEXT    NOT NULL DEFAULT 'queued',
    verdict     TEXT    NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0,
    result      TEXT,
    created_at  TEXT    NOT NULL,
    started_at  TEXT,
    finished_at TEXT
);
CREATE INDEX submissions_queue ON submissions (state, id);
