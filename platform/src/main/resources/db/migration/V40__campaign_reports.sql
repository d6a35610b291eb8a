-- The campaign's summary report (工作总结, issue 15 part 4): one per campaign and bureau, its four narrative sections
-- (经验做法、行动成效、存在问题、下一步打算), the period its figures cover, the typical cases chosen (at least three,
-- each with its penalty decision), and its submission.
CREATE TABLE campaign_report (
    id           BIGSERIAL   PRIMARY KEY,
    campaign_id  BIGINT      NOT NULL REFERENCES campaign (id),
    agency_code  TEXT        NOT NULL REFERENCES agency (code),
    region_code  CHAR(6)     NOT NULL REFERENCES region (code),
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL CHECK (period_to >= period_from),
    experience   TEXT        NOT NULL DEFAULT '',
    results      TEXT        NOT NULL DEFAULT '',
    problems     TEXT        NOT NULL DEFAULT '',
    next_steps   TEXT        NOT NULL DEFAULT '',
    submitted_by TEXT,
    submitted_at TIMESTAMPTZ,
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, agency_code, region_code)
);

CREATE TABLE campaign_report_case (
    report_id BIGINT NOT NULL REFERENCES campaign_report (id),
    case_id   BIGINT NOT NULL,
    seq       INT    NOT NULL,
    PRIMARY KEY (report_id, case_id)
);

-- photos and videos of joint enforcement (联合执法相关图片视频资料，含说明), attached to a report with their captions
CREATE TABLE campaign_report_media (
    id           BIGSERIAL   PRIMARY KEY,
    report_id    BIGINT      NOT NULL REFERENCES campaign_report (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('PHOTO', 'VIDEO')),
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    sha256       CHAR(64)    NOT NULL,
    content      BYTEA       NOT NULL,
    caption      TEXT        NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_report_media_report_idx ON campaign_report_media (report_id);
