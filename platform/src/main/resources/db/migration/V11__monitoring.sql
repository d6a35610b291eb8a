-- Monitoring (以网管网): tasks with a scope and a schedule, their runs, and the findings officers review.

CREATE TABLE monitoring_task (
    id              BIGSERIAL   PRIMARY KEY,
    name            TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('DAILY', 'SPECIAL', 'KEY')),
    topic           TEXT,
    platforms       TEXT[]      NOT NULL DEFAULT '{}',
    categories      TEXT[]      NOT NULL DEFAULT '{}',
    regions         TEXT[]      NOT NULL DEFAULT '{}',
    rule_sets       TEXT[]      NOT NULL DEFAULT '{}',
    text_categories TEXT[]      NOT NULL DEFAULT '{}',
    schedule        TEXT,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    next_run_at     TIMESTAMPTZ,
    owner_agency    TEXT        NOT NULL REFERENCES agency (code),
    owner_region    CHAR(6)     NOT NULL REFERENCES region (code),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE monitoring_run (
    id               BIGSERIAL   PRIMARY KEY,
    task_id          BIGINT      NOT NULL REFERENCES monitoring_task (id),
    trigger          TEXT        NOT NULL CHECK (trigger IN ('MANUAL', 'SCHEDULE')),
    started_by       TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    status           TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    listings_scanned BIGINT      NOT NULL DEFAULT 0,
    subjects_checked BIGINT      NOT NULL DEFAULT 0,
    findings_total   BIGINT      NOT NULL DEFAULT 0,
    findings_new     BIGINT      NOT NULL DEFAULT 0,
    rule_versions    TEXT,
    error            TEXT
);
CREATE INDEX monitoring_run_task_idx ON monitoring_run (task_id, started_at DESC);

CREATE TABLE finding (
    id               BIGSERIAL   PRIMARY KEY,
    fingerprint      CHAR(64)    NOT NULL UNIQUE,
    task_id          BIGINT      NOT NULL REFERENCES monitoring_task (id),
    run_id           BIGINT      NOT NULL REFERENCES monitoring_run (id),
    detector         TEXT        NOT NULL CHECK (detector IN ('TEXT', 'PRICE', 'REGISTRY')),
    source           TEXT        NOT NULL CHECK (source IN ('LISTING', 'SHOP', 'WEBSITE', 'LICENCE')),
    subject          TEXT        NOT NULL,
    platform_code    TEXT,
    shop_id          TEXT,
    region_code      CHAR(6),
    product_category TEXT,
    rule             TEXT        NOT NULL,
    rule_category    TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    law              TEXT        NOT NULL,
    article          TEXT        NOT NULL,
    law_unverified   BOOLEAN     NOT NULL DEFAULT FALSE,
    severity         TEXT        NOT NULL CHECK (severity IN ('HINT', 'LOW', 'MEDIUM', 'HIGH')),
    confidence       REAL        NOT NULL,
    field            TEXT,
    text             TEXT,
    start_offset     INT,
    end_offset       INT,
    matched          TEXT,
    term             TEXT,
    detail           TEXT,
    evidence_url     TEXT        NOT NULL,
    evidence_time    TIMESTAMPTZ NOT NULL,
    evidence_sha256  CHAR(64)    NOT NULL,
    found_at         TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'CONFIRMED', 'DISMISSED')),
    assignee         TEXT,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    dismiss_reason   TEXT,
    clue_id          BIGINT,
    evidence_seq     BIGINT REFERENCES evidence_capture (seq),
    owner_agency     TEXT        NOT NULL,
    owner_region     CHAR(6)     NOT NULL
);
CREATE INDEX finding_queue_idx ON finding (owner_agency, status, severity);
CREATE INDEX finding_task_idx ON finding (task_id);
CREATE INDEX finding_rule_idx ON finding (rule, status);
CREATE INDEX finding_subject_idx ON finding (source, subject);
CREATE INDEX finding_found_idx ON finding (found_at);
