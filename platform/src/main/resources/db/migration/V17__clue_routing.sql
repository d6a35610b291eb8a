-- The routing table (violation category → lead and assisting agencies) as versions, and clue notifications
-- (线索通报) between agencies with acceptance or return.

CREATE TABLE routing_version (
    id         BIGSERIAL   PRIMARY KEY,
    document   TEXT        NOT NULL,
    note       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE clue_notification (
    id              BIGSERIAL   PRIMARY KEY,
    clue_id         BIGINT      NOT NULL REFERENCES clue (id),
    category        TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('LEAD', 'ASSIST')),
    routing_version BIGINT      NOT NULL REFERENCES routing_version (id),
    from_agency     TEXT        NOT NULL REFERENCES agency (code),
    from_region     CHAR(6)     NOT NULL REFERENCES region (code),
    to_agency       TEXT        NOT NULL REFERENCES agency (code),
    to_region       CHAR(6)     NOT NULL REFERENCES region (code),
    sent_by         TEXT        NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT', 'ACCEPTED', 'RETURNED')),
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    reason          TEXT,
    UNIQUE (clue_id, to_agency, to_region)
);
CREATE INDEX clue_notification_to_idx ON clue_notification (to_agency, to_region, status);
