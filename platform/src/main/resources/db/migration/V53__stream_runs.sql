-- The listing feed (issue 19, decision 0032): the platform consumes the stream job's results as a run of its
-- stream task, one run per consumer session (trigger STREAM), and keeps the results it could not take.
ALTER TABLE monitoring_run DROP CONSTRAINT monitoring_run_trigger_check;
ALTER TABLE monitoring_run ADD CONSTRAINT monitoring_run_trigger_check
    CHECK (trigger IN ('MANUAL', 'SCHEDULE', 'STREAM'));

CREATE TABLE stream_rejection (
    id          BIGSERIAL   PRIMARY KEY,
    run_id      BIGINT      NOT NULL REFERENCES monitoring_run (id),
    result_key  TEXT        NOT NULL,
    field       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
