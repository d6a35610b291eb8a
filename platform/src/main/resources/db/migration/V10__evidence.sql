-- Fixed electronic evidence (电子证据固定). Each capture stores its bytes content-addressed by SHA-256 outside the
-- database (data-dir/evidence/objects); the record holds the hashes and is chained to the previous record, so a
-- changed record or object is detectable (./wangjian evidence-verify). Append-only, like the audit log.

CREATE TABLE evidence_capture (
    seq               BIGINT      PRIMARY KEY,
    kind              TEXT        NOT NULL CHECK (kind IN ('WEB_PAGE', 'PLATFORM_REPORT', 'PACKAGE_IMPORT')),
    url               TEXT        NOT NULL,
    fetched_at        TIMESTAMPTZ NOT NULL,
    http_status       INT,
    headers           TEXT,
    content_type      TEXT,
    content_sha256    CHAR(64)    NOT NULL,
    content_size      BIGINT      NOT NULL,
    text_sha256       CHAR(64),
    screenshot_sha256 CHAR(64),
    note              TEXT,
    captured_by       TEXT        NOT NULL,
    owner_agency      TEXT,
    owner_region      CHAR(6),
    prev_hash         CHAR(64)    NOT NULL,
    record_hash       CHAR(64)    NOT NULL UNIQUE
);
CREATE INDEX evidence_capture_content_idx ON evidence_capture (content_sha256);
CREATE INDEX evidence_capture_url_idx ON evidence_capture (url);

CREATE FUNCTION evidence_capture_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence_capture is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER evidence_capture_no_update_or_delete
    BEFORE UPDATE OR DELETE ON evidence_capture
    FOR EACH ROW EXECUTE FUNCTION evidence_capture_is_append_only();
CREATE TRIGGER evidence_capture_no_truncate
    BEFORE TRUNCATE ON evidence_capture
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_capture_is_append_only();

-- Every attempt to fetch a page, kept with its outcome: refused addresses, timeouts, oversize pages are recorded
-- with their reason, not lost.
CREATE TABLE capture_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    url          TEXT        NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    attempted_by TEXT        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('CAPTURED', 'REFUSED', 'FAILED')),
    reason       TEXT,
    capture_seq  BIGINT REFERENCES evidence_capture (seq)
);
CREATE INDEX capture_attempt_at_idx ON capture_attempt (attempted_at);
