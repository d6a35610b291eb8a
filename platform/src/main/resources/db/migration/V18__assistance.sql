-- Joint investigation (案件协查): a case asks another agency or region for assistance, with a deadline and a response.
CREATE TABLE assistance_request (
    id          BIGSERIAL   PRIMARY KEY,
    case_id     BIGINT      NOT NULL REFERENCES case_file (id),
    from_agency TEXT        NOT NULL REFERENCES agency (code),
    from_region CHAR(6)     NOT NULL REFERENCES region (code),
    to_agency   TEXT        NOT NULL REFERENCES agency (code),
    to_region   CHAR(6)     NOT NULL REFERENCES region (code),
    request     TEXT        NOT NULL,
    due_on      DATE        NOT NULL,
    sent_by     TEXT        NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    status      TEXT        NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT', 'ANSWERED', 'DECLINED')),
    answered_by TEXT,
    answered_at TIMESTAMPTZ,
    response    TEXT
);
CREATE INDEX assistance_request_to_idx ON assistance_request (to_agency, to_region, status);
CREATE INDEX assistance_request_case_idx ON assistance_request (case_id);
