-- Evidence transfer (证据移转) between agencies: the package (ZIP with its manifest) is stored by its SHA-256 when
-- sent; on receipt its hash and every object and record in it are verified before it is taken in. Each row is a
-- link of the chain of custody: who handed what (by hash) to whom, and when.
CREATE TABLE evidence_transfer (
    id             BIGSERIAL   PRIMARY KEY,
    package_sha256 CHAR(64)    NOT NULL,
    seqs           TEXT        NOT NULL,
    from_agency    TEXT        NOT NULL REFERENCES agency (code),
    from_region    CHAR(6)     NOT NULL REFERENCES region (code),
    to_agency      TEXT        NOT NULL REFERENCES agency (code),
    to_region      CHAR(6)     NOT NULL REFERENCES region (code),
    note           TEXT,
    sent_by        TEXT        NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT', 'RECEIVED', 'REFUSED')),
    received_by    TEXT,
    received_at    TIMESTAMPTZ,
    problems       TEXT,
    imported_seqs  TEXT
);
CREATE INDEX evidence_transfer_to_idx ON evidence_transfer (to_agency, to_region, status);
