-- Standing brushing tasks (issue 14 part 2): a platform (and optionally a product category) watched over a rolling
-- window; each report of new orders from the platform runs the task again over the window that ends that day, and
-- only rings not found before are added (a ring's fingerprint, as for any run).
CREATE TABLE brushing_task (
    id            BIGSERIAL   PRIMARY KEY,
    platform_code TEXT        NOT NULL REFERENCES platform (code),
    category      TEXT,
    window_days   INT         NOT NULL CHECK (window_days BETWEEN 1 AND 92),
    owner_agency  TEXT        NOT NULL,
    owner_region  CHAR(6)     NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    seen_report   BIGINT      NOT NULL DEFAULT 0,  -- the platform's latest orders report when the task last ran
    stopped_by    TEXT,
    stopped_at    TIMESTAMPTZ
);
CREATE INDEX brushing_task_platform_idx ON brushing_task (platform_code) WHERE stopped_at IS NULL;

-- a run may analyse one category's shops only, and may be a task's
ALTER TABLE brushing_run ADD COLUMN category TEXT;
ALTER TABLE brushing_run ADD COLUMN task_id BIGINT REFERENCES brushing_task (id);
