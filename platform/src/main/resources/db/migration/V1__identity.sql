-- Agencies of the 2017 joint action, the GB/T 2260 region tree, users and roles.

CREATE TABLE agency (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL,
    sort_order INT  NOT NULL
);

INSERT INTO agency (code, name, short_name, sort_order) VALUES
    ('SAMR',     '市场监督管理部门（原工商行政管理部门）', '市场监管', 1),
    ('NDRC',     '发展改革部门',                         '发展改革', 2),
    ('MIIT',     '工业和信息化部门（通信管理局）',         '工业和信息化', 3),
    ('MPS',      '公安机关',                             '公安', 4),
    ('MOFCOM',   '商务部门',                             '商务', 5),
    ('CUSTOMS',  '海关',                                 '海关', 6),
    ('QUALITY',  '质量技术监督部门（原质检）',             '质检', 7),
    ('FOODDRUG', '食品药品监督管理部门',                   '食品药品监管', 8),
    ('CAC',      '网信部门',                             '网信', 9),
    ('POST',     '邮政管理部门',                         '邮政', 10);

CREATE TABLE region (
    code        CHAR(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name        TEXT    NOT NULL,
    parent_code CHAR(6) REFERENCES region (code)
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,40}$'),
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    agency_code   TEXT REFERENCES agency (code),
    region_code   CHAR(6)     NOT NULL REFERENCES region (code),
    organization  TEXT,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a platform compliance user belongs to a platform, every other user to an agency
    CHECK (agency_code IS NOT NULL OR organization IS NOT NULL)
);

CREATE TABLE user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    TEXT   NOT NULL CHECK (role IN ('MONITORING_OFFICER', 'CASE_OFFICER', 'CREDIT_OFFICER',
                                            'CAMPAIGN_COORDINATOR', 'AGENCY_LIAISON', 'PLATFORM_COMPLIANCE', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
