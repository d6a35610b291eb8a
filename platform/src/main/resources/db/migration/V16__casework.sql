-- Cases (案件): the current stage of each case as JSON of its stage type, its timeline, and document numbering.

CREATE TABLE case_file (
    id           BIGSERIAL   PRIMARY KEY,
    clue_id      BIGINT      NOT NULL REFERENCES clue (id),
    stage        TEXT        NOT NULL,
    state        TEXT        NOT NULL,
    case_no      TEXT,
    subject_name TEXT        NOT NULL,
    due_on       DATE,
    due_note     TEXT,
    typical      BOOLEAN     NOT NULL DEFAULT FALSE,
    agency_code  TEXT        NOT NULL REFERENCES agency (code),
    region_code  CHAR(6)     NOT NULL REFERENCES region (code),
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      INT         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX case_file_clue_idx ON case_file (clue_id);
CREATE INDEX case_file_scope_idx ON case_file (agency_code, region_code);
CREATE INDEX case_file_due_idx ON case_file (due_on);

CREATE TABLE case_event (
    id         BIGSERIAL   PRIMARY KEY,
    case_id    BIGINT      NOT NULL REFERENCES case_file (id),
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    step       TEXT        NOT NULL,
    from_stage TEXT,
    to_stage   TEXT,
    refused    BOOLEAN     NOT NULL DEFAULT FALSE,
    note       TEXT
);
CREATE INDEX case_event_case_idx ON case_event (case_id, id);

CREATE TABLE document_number_counter (
    agency_code TEXT    NOT NULL,
    region_code CHAR(6) NOT NULL,
    year        INT     NOT NULL,
    kind        TEXT    NOT NULL,
    last_value  INT     NOT NULL,
    PRIMARY KEY (agency_code, region_code, year, kind)
);
