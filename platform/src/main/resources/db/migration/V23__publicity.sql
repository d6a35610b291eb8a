-- Publication of penalty decisions (双公示 to Credit China; gsxt under 市场监督管理行政处罚信息公示规定): one record
-- per decision (by its number, from a case or imported), one publication per channel with its own clock.
CREATE TABLE penalty_record (
    id               BIGSERIAL   PRIMARY KEY,
    decision_no      TEXT        NOT NULL UNIQUE,
    case_id          BIGINT,
    source           TEXT        NOT NULL,
    party_kind       TEXT        NOT NULL CHECK (party_kind IN ('ORGANISATION', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON')),
    party_name       TEXT        NOT NULL,
    credit_code      CHAR(18),
    id_type          TEXT,
    id_number        TEXT,        -- shared, never published
    violation_type   TEXT        NOT NULL,
    kinds            TEXT[]      NOT NULL,
    fine_yuan        NUMERIC(15, 2),
    confiscated_yuan NUMERIC(15, 2),
    licence          TEXT,
    facts            TEXT        NOT NULL,
    content          TEXT        NOT NULL,
    legal_basis      TEXT        NOT NULL,
    decided_on       DATE        NOT NULL,
    authority_name   TEXT        NOT NULL,
    agency_code      TEXT        NOT NULL REFERENCES agency (code),
    region_code      CHAR(6)     NOT NULL REFERENCES region (code),
    not_published    TEXT,        -- why no publication is due (e.g. a warning alone)
    revoked_on       DATE,
    revoke_reason    TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX penalty_record_code_idx ON penalty_record (credit_code);

CREATE TABLE publication (
    id              BIGSERIAL   PRIMARY KEY,
    record_id       BIGINT      NOT NULL REFERENCES penalty_record (id),
    channel         TEXT        NOT NULL CHECK (channel IN ('CREDIT_CHINA', 'GSXT')),
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'PUSHED', 'PUBLISHED', 'WITHDRAWN', 'CANCELLED')),
    due_on          DATE        NOT NULL,
    due_provisional BOOLEAN     NOT NULL DEFAULT FALSE,
    due_rule        TEXT        NOT NULL,
    pushed_on       DATE,
    public_party    TEXT,
    public_facts    TEXT,
    public_content  TEXT,
    published_on    DATE,
    published_by    TEXT,
    display_until   DATE,
    withdrawn_on    DATE,
    withdrawn_by    TEXT,
    withdraw_reason TEXT,
    agency_code     TEXT        NOT NULL REFERENCES agency (code),
    region_code     CHAR(6)     NOT NULL REFERENCES region (code),
    version         INT         NOT NULL DEFAULT 0,
    UNIQUE (record_id, channel)
);
CREATE INDEX publication_scope_idx ON publication (agency_code, region_code, state);

-- every act on a publication, for the timeline and the statistics
CREATE TABLE publication_event (
    id             BIGSERIAL   PRIMARY KEY,
    publication_id BIGINT      NOT NULL REFERENCES publication (id),
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    note           TEXT
);
CREATE INDEX publication_event_idx ON publication_event (publication_id, id);
