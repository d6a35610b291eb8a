-- Supervision of the campaign (issue 15 part 1): inspection groups of several agencies (督查组) visiting regions, with
-- findings and the rectification that follows; and major cases a superior supervises (督办), reported on at set
-- intervals by the bureau handling them.
CREATE TABLE campaign_group (
    id           BIGSERIAL   PRIMARY KEY,
    campaign_id  BIGINT      NOT NULL REFERENCES campaign (id),
    name         TEXT        NOT NULL,
    agencies     TEXT[]      NOT NULL CHECK (cardinality(agencies) >= 2),
    leader       TEXT        NOT NULL,
    owner_agency TEXT        NOT NULL REFERENCES agency (code),
    owner_region CHAR(6)     NOT NULL REFERENCES region (code),
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, name)
);

CREATE TABLE campaign_visit (
    id                BIGSERIAL   PRIMARY KEY,
    group_id          BIGINT      NOT NULL REFERENCES campaign_group (id),
    region_code       CHAR(6)     NOT NULL REFERENCES region (code),
    visited_on        DATE        NOT NULL,
    findings          TEXT        NOT NULL,
    rectify_by        DATE        NOT NULL CHECK (rectify_by >= visited_on),
    rectified_on      DATE,
    rectification     TEXT,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE campaign_supervised_case (
    id              BIGSERIAL   PRIMARY KEY,
    campaign_id     BIGINT      NOT NULL REFERENCES campaign (id),
    case_id         BIGINT      NOT NULL,
    case_agency     TEXT        NOT NULL REFERENCES agency (code),
    case_region     CHAR(6)     NOT NULL REFERENCES region (code),
    reason          TEXT        NOT NULL,
    every_days      INT         NOT NULL CHECK (every_days BETWEEN 1 AND 90),
    next_report_on  DATE        NOT NULL,
    flagged_agency  TEXT        NOT NULL REFERENCES agency (code),
    flagged_region  CHAR(6)     NOT NULL REFERENCES region (code),
    flagged_by      TEXT        NOT NULL,
    flagged_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, case_id)
);

CREATE TABLE campaign_supervised_report (
    id            BIGSERIAL   PRIMARY KEY,
    supervised_id BIGINT      NOT NULL REFERENCES campaign_supervised_case (id),
    progress      TEXT        NOT NULL,
    reported_by   TEXT        NOT NULL,
    reported_on   DATE        NOT NULL,
    reported_at   TIMESTAMPTZ NOT NULL
);
