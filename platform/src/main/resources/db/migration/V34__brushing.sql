-- Brushing monitoring (issue 14): the detector's parameters as versioned data, runs over a platform's reported
-- orders, and the rings found, each with its order extract fixed by hash and the officer's decision.
CREATE TABLE brushing_parameters (
    version    SERIAL      PRIMARY KEY,
    ring       JSONB       NOT NULL,
    parcels    JSONB       NOT NULL,
    reviews    JSONB       NOT NULL,
    note       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
-- version 1: the engine's defaults (RingDetector, ParcelChecks, ReviewChecks .defaults())
INSERT INTO brushing_parameters (ring, parcels, reviews, note, created_by, created_at) VALUES (
    '{"seeds":300,"maxRings":50,"alpha":1e-6,"minAccounts":10,"maxAccounts":5000,"rounds":12,"maxDays":7,"minFill":0.05,"minPurchases":3,"minDensity":200}',
    '{"minWeightGrams":50,"minTransitSeconds":7200,"samePlaceBuyers":3,"routeBuyersPerDay":10}',
    '{"shingle":3,"hashes":64,"bands":16,"minSimilarity":0.75,"minTextLength":8,"minAccounts":3,"burstMinReviews":10,"burstRatio":5.0}',
    '引擎默认参数（与基准测试相同）', 'system', now());

CREATE TABLE brushing_run (
    id            BIGSERIAL   PRIMARY KEY,
    platform_code TEXT        NOT NULL REFERENCES platform (code),
    window_from   DATE        NOT NULL,
    window_to     DATE        NOT NULL,
    parameters    INT         NOT NULL REFERENCES brushing_parameters (version),
    orders        INT         NOT NULL,
    rings         INT         NOT NULL,
    new_rings     INT         NOT NULL,
    owner_agency  TEXT        NOT NULL,
    owner_region  CHAR(6)     NOT NULL,
    run_by        TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE ring (
    id               BIGSERIAL   PRIMARY KEY,
    fingerprint      CHAR(64)    NOT NULL,
    run_id           BIGINT      NOT NULL REFERENCES brushing_run (id),
    platform_code    TEXT        NOT NULL,
    accounts         TEXT[]      NOT NULL,
    shops            TEXT[]      NOT NULL,
    days             DATE[]      NOT NULL,
    order_count      INT         NOT NULL,
    parcel_count     INT         NOT NULL,
    mass             BIGINT      NOT NULL,
    expected         DOUBLE PRECISION NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    explanation      TEXT        NOT NULL,
    signals          JSONB       NOT NULL,
    extract          BYTEA       NOT NULL,
    extract_sha256   CHAR(64)    NOT NULL,
    owner_agency     TEXT        NOT NULL,
    owner_region     CHAR(6)     NOT NULL,
    found_at         TIMESTAMPTZ NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('OPEN', 'CONFIRMED', 'DISMISSED')),
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    dismissal_reason TEXT,
    clue_id          BIGINT,
    evidence_seq     BIGINT,
    UNIQUE (owner_agency, owner_region, fingerprint)
);
CREATE INDEX ring_owner_idx ON ring (owner_agency, owner_region, state);
