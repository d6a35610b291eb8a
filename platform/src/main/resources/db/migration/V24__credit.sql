-- Credit lists (严重违法失信名单, 经营异常名录, 刷单炒信黑名单), credit repair, and joint punishment: subscribers of other
-- departments, the feed of list changes, and an outbox of signed pushes with a delivery log.
CREATE TABLE credit_list_entry (
    id             BIGSERIAL PRIMARY KEY,
    list_kind      TEXT      NOT NULL CHECK (list_kind IN ('SERIOUS_VIOLATION', 'ABNORMAL_OPERATION', 'BRUSHING_BLACKLIST')),
    document_no    TEXT      NOT NULL,
    credit_code    CHAR(18)  NOT NULL,
    party_name     TEXT      NOT NULL,
    reason         TEXT      NOT NULL,
    basis          TEXT      NOT NULL,
    case_id        BIGINT,
    source         TEXT      NOT NULL,
    state          TEXT      NOT NULL CHECK (state IN ('PROPOSED', 'LISTED', 'REJECTED', 'REMOVED')),
    proposed_by    TEXT,
    proposed_on    DATE,
    decided_by     TEXT,
    decided_on     DATE,
    decision_note  TEXT,
    listed_on      DATE,
    expires_on     DATE,
    removed_on     DATE,
    removal_reason TEXT,
    agency_code    TEXT      NOT NULL REFERENCES agency (code),
    region_code    CHAR(6)   NOT NULL REFERENCES region (code),
    version        INT       NOT NULL DEFAULT 0,
    UNIQUE (list_kind, document_no)
);
CREATE INDEX credit_list_entry_code_idx ON credit_list_entry (credit_code, state);

CREATE TABLE credit_repair (
    id          BIGSERIAL PRIMARY KEY,
    entry_id    BIGINT    NOT NULL REFERENCES credit_list_entry (id),
    applicant   TEXT      NOT NULL,
    commitment  TEXT      NOT NULL,
    applied_on  DATE      NOT NULL,
    due_on      DATE      NOT NULL,
    due_provisional BOOLEAN NOT NULL DEFAULT FALSE,
    checks      TEXT      NOT NULL,
    state       TEXT      NOT NULL CHECK (state IN ('APPLIED', 'GRANTED', 'REFUSED')),
    decided_by  TEXT,
    decided_on  DATE,
    reason      TEXT,
    recorded_by TEXT      NOT NULL
);

-- every listing, change and removal, in order: what subscribers pull and what the outbox pushes
CREATE TABLE credit_event (
    id          BIGSERIAL   PRIMARY KEY,
    entry_id    BIGINT      NOT NULL REFERENCES credit_list_entry (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('LISTED', 'REMOVED')),
    at          TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL
);

CREATE TABLE credit_subscriber (
    id          BIGSERIAL   PRIMARY KEY,
    agency_code TEXT        NOT NULL REFERENCES agency (code),
    name        TEXT        NOT NULL,
    url         TEXT,
    secret      TEXT        NOT NULL,
    lists       TEXT[]      NOT NULL,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE credit_outbox (
    id              BIGSERIAL   PRIMARY KEY,
    subscriber_id   BIGINT      NOT NULL REFERENCES credit_subscriber (id),
    event_id        BIGINT      NOT NULL REFERENCES credit_event (id),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (subscriber_id, event_id)
);
CREATE INDEX credit_outbox_due_idx ON credit_outbox (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE credit_delivery_attempt (
    id        BIGSERIAL   PRIMARY KEY,
    outbox_id BIGINT      NOT NULL REFERENCES credit_outbox (id),
    at        TIMESTAMPTZ NOT NULL,
    status    INT,
    error     TEXT
);
