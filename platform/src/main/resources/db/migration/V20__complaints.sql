-- Complaints and reports imported from 12315-style exports: the complainant's personal data apart from the clue,
-- shown in full only to the owning bureau's case officers (each view audited); related clues linked, not duplicated.

CREATE TABLE clue_complaint (
    clue_id           BIGINT      PRIMARY KEY REFERENCES clue (id),
    complaint_no      TEXT        NOT NULL UNIQUE,
    received_at       TIMESTAMPTZ NOT NULL,
    complainant_name  TEXT,
    complainant_phone TEXT
);

CREATE TABLE clue_link (
    clue_id         BIGINT      NOT NULL REFERENCES clue (id),
    related_clue_id BIGINT      NOT NULL REFERENCES clue (id),
    reason          TEXT        NOT NULL,
    linked_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clue_id, related_clue_id),
    CHECK (clue_id <> related_clue_id)
);
