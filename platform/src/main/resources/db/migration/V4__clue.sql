-- Clue register (线索登记): the first record kind owned by a bureau (agency + region) and shared explicitly.

CREATE TABLE clue_number_counter (
    agency_code TEXT    NOT NULL REFERENCES agency (code),
    region_code CHAR(6) NOT NULL REFERENCES region (code),
    year        INT     NOT NULL,
    last_value  INT     NOT NULL,
    PRIMARY KEY (agency_code, region_code, year)
);

CREATE TABLE clue (
    id                  BIGSERIAL PRIMARY KEY,
    clue_no             TEXT        NOT NULL UNIQUE,
    title               TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    source              TEXT        NOT NULL CHECK (source IN ('MONITORING', 'COMPLAINT', 'REPORT', 'REFERRAL',
                                                               'ASSIGNED', 'OTHER')),
    subject_name        TEXT        NOT NULL,
    subject_credit_code CHAR(18),
    description         TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('REGISTERED', 'CLOSED')),
    agency_code         TEXT        NOT NULL REFERENCES agency (code),
    region_code         CHAR(6)     NOT NULL REFERENCES region (code),
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX clue_scope_idx ON clue (agency_code, region_code);

CREATE TABLE clue_share (
    clue_id     BIGINT      NOT NULL REFERENCES clue (id),
    agency_code TEXT        NOT NULL REFERENCES agency (code),
    region_code CHAR(6)     NOT NULL REFERENCES region (code),
    shared_by   TEXT        NOT NULL,
    shared_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clue_id, agency_code, region_code)
);
CREATE INDEX clue_share_scope_idx ON clue_share (agency_code, region_code);
