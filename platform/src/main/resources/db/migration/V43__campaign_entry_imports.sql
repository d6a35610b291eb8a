-- A partner agency's counts imported as a file (CSV): one row per file, so that the same file is not counted twice;
-- its acts are campaign_act rows of source_kind 'entry' whose source_id is '<import id>:<line>'.
CREATE TABLE campaign_entry_import (
    id          bigserial PRIMARY KEY,
    sha256      text        NOT NULL,
    file_name   text        NOT NULL,
    rows        integer     NOT NULL CHECK (rows > 0),
    agency_code text        NOT NULL,
    region_code text        NOT NULL,
    imported_by text        NOT NULL,
    imported_at timestamptz NOT NULL,
    UNIQUE (agency_code, sha256)
);
