-- Complaints and reports filed on the public form (投诉举报, no account): the receipt's access code (hashed), the
-- acceptance deadline counted on the working-day calendar when filed, the law's minimum content, and attachments.
ALTER TABLE clue_complaint
    ADD COLUMN channel              text    NOT NULL DEFAULT 'import' CHECK (channel IN ('import', 'web-form')),
    ADD COLUMN access_code_sha256   text,
    ADD COLUMN respond_by           date,
    ADD COLUMN respond_by_provisional boolean NOT NULL DEFAULT false,
    ADD COLUMN complainant_address  text,
    ADD COLUMN request              text,
    ADD COLUMN agrees_to_mediation  boolean;

CREATE TABLE clue_complaint_attachment (
    clue_id      bigint      NOT NULL REFERENCES clue_complaint (clue_id),
    seq          integer     NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    PRIMARY KEY (clue_id, seq)
);
