-- Case documents fixed when they are made (the decision as served, not rebuilt from data that can still change),
-- with their SHA-256; and the officers' enforcement certificate numbers, printed on documents.
CREATE TABLE case_document (
    id         BIGSERIAL   PRIMARY KEY,
    case_id    BIGINT      NOT NULL REFERENCES case_file (id),
    kind       TEXT        NOT NULL CHECK (kind IN ('decision')),
    number     TEXT        NOT NULL,
    sha256     CHAR(64)    NOT NULL,
    content    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, kind)
);

ALTER TABLE app_user ADD COLUMN certificate_no TEXT;
