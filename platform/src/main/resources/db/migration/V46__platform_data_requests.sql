-- Data requests to platforms (配合执法, 电子商务法 第二十五条): a bureau asks a platform for data on accounts, a shop or
-- orders with its legal basis, scope and deadline; the platform answers with files that enter the evidence store.
CREATE TABLE platform_data_request (
    id            bigserial PRIMARY KEY,
    request_no    text        NOT NULL UNIQUE,
    platform_code text        NOT NULL,
    subject_kind  text        NOT NULL CHECK (subject_kind IN ('ACCOUNT', 'SHOP', 'ORDERS')),
    subject       text        NOT NULL,
    legal_basis   text        NOT NULL,
    scope         text        NOT NULL,
    source_kind   text        NOT NULL CHECK (source_kind IN ('clue', 'case')),
    source_id     bigint      NOT NULL,
    agency_code   text        NOT NULL,
    region_code   text        NOT NULL,
    sent_by       text        NOT NULL,
    sent_at       timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    answered_by   text,
    answered_at   timestamptz,
    answer_note   text,
    CHECK (due_at > sent_at),
    CHECK ((answered_at IS NULL) = (answered_by IS NULL))
);

CREATE INDEX platform_data_request_platform ON platform_data_request (platform_code);

CREATE TABLE platform_data_request_file (
    request_id   bigint  NOT NULL REFERENCES platform_data_request (id),
    seq          integer NOT NULL,
    file_name    text    NOT NULL,
    size_bytes   bigint  NOT NULL,
    evidence_seq bigint  NOT NULL,
    sha256       text    NOT NULL,
    PRIMARY KEY (request_id, seq)
);
