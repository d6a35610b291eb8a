-- Working-day calendar years taken from the State Council's notices: every version kept (a second notice for a
-- year is a new version, never an overwrite); the newest version of a year is in force. Years 2004–2026 come from
-- the engine's seed file unless a version is stored here.
CREATE TABLE calendar_year_version (
    id          BIGSERIAL PRIMARY KEY,
    year        INT         NOT NULL CHECK (year BETWEEN 1949 AND 2200),
    version     INT         NOT NULL CHECK (version >= 1),
    off_days    DATE[]      NOT NULL,
    makeup_days DATE[]      NOT NULL,
    names       JSONB       NOT NULL,
    notice_text TEXT        NOT NULL,
    note        TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (year, version)
);
