-- Evidence attached to a clue (a confirmed monitoring finding hands its fixed evidence on with the clue).
CREATE TABLE clue_evidence (
    clue_id      BIGINT      NOT NULL REFERENCES clue (id),
    evidence_seq BIGINT      NOT NULL REFERENCES evidence_capture (seq),
    note         TEXT,
    attached_by  TEXT        NOT NULL,
    attached_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clue_id, evidence_seq)
);
