-- Every report a platform sends (shops, listings, removals), refused ones too, so the platform sees what it reported
-- when and which rows were rejected (the first 100 reasons kept).
CREATE TABLE platform_report_log (
    id            bigserial PRIMARY KEY,
    platform_code text        NOT NULL,
    kind          text        NOT NULL,
    file_name     text,
    rows_total    integer     NOT NULL,
    imported      integer     NOT NULL,
    rejected      integer     NOT NULL,
    committed     boolean     NOT NULL,
    rejections    text[]      NOT NULL DEFAULT '{}',
    reported_by   text        NOT NULL,
    reported_at   timestamptz NOT NULL
);

CREATE INDEX platform_report_log_platform ON platform_report_log (platform_code, reported_at DESC);
