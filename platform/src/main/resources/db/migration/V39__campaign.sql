-- The campaign (专项行动, issue 15 part 1): a campaign with its phases, its key tasks (工作重点), each agency's duty
-- (职责分工) and which key tasks it serves, and the tasks a coordinator assigns to agencies and regions, with every
-- progress report kept. Seeded with the 2017 Online Market Supervision Special Action Plan (工商办字〔2017〕84号,
-- ../shared/seed/2017-online-market-supervision-plan.txt): its headings, dates and agencies as data.
CREATE TABLE campaign (
    id          BIGSERIAL   PRIMARY KEY,
    year        INT         NOT NULL,
    name        TEXT        NOT NULL,
    document_no TEXT,
    issued_on   DATE,
    starts_on   DATE        NOT NULL,
    ends_on     DATE        NOT NULL CHECK (ends_on >= starts_on),
    report_due  DATE        NOT NULL,
    copied_from BIGINT      REFERENCES campaign (id),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (year, name)
);

CREATE TABLE campaign_phase (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    seq         INT    NOT NULL,
    name        TEXT   NOT NULL,
    starts_on   DATE   NOT NULL,
    ends_on     DATE   NOT NULL CHECK (ends_on >= starts_on),
    summary     TEXT   NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);

-- 工作重点: the key tasks; the market-supervision bureaus lead the campaign (方案 四(二))
CREATE TABLE campaign_focus (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    seq         INT    NOT NULL,
    title       TEXT   NOT NULL,
    summary     TEXT   NOT NULL,
    lead_agency TEXT   NOT NULL REFERENCES agency (code),
    PRIMARY KEY (campaign_id, seq)
);

-- 职责分工: one duty per agency, and the key tasks its text serves (the agencies that assist on a key task)
CREATE TABLE campaign_duty (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    agency_code TEXT   NOT NULL REFERENCES agency (code),
    seq         INT    NOT NULL,
    summary     TEXT   NOT NULL,
    focus       INT[]  NOT NULL,
    PRIMARY KEY (campaign_id, agency_code)
);

CREATE TABLE campaign_task (
    id          BIGSERIAL   PRIMARY KEY,
    campaign_id BIGINT      NOT NULL REFERENCES campaign (id),
    focus_seq   INT,
    title       TEXT        NOT NULL,
    agency_code TEXT        NOT NULL REFERENCES agency (code),
    region_code CHAR(6)     NOT NULL REFERENCES region (code),
    owner_name  TEXT        NOT NULL,
    due_on      DATE        NOT NULL,
    progress    INT         NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, agency_code, region_code, title)
);

-- every progress report, by whom and when (what the campaign's statistics can count)
CREATE TABLE campaign_task_progress (
    id          BIGSERIAL   PRIMARY KEY,
    task_id     BIGINT      NOT NULL REFERENCES campaign_task (id),
    progress    INT         NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note        TEXT        NOT NULL,
    reported_by TEXT        NOT NULL,
    agency_code TEXT        NOT NULL,
    region_code CHAR(6)     NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_task_progress_task_idx ON campaign_task_progress (task_id);

WITH c AS (
    INSERT INTO campaign (year, name, document_no, issued_on, starts_on, ends_on, report_due, created_by, created_at)
    VALUES (2017, '2017网络市场监管专项行动', '工商办字〔2017〕84号', DATE '2017-05-23', DATE '2017-05-01',
            DATE '2017-11-30', DATE '2017-12-10', 'system', now())
    RETURNING id
), phases AS (
    INSERT INTO campaign_phase (campaign_id, seq, name, starts_on, ends_on, summary)
    SELECT c.id, p.seq, p.name, p.starts_on, p.ends_on, p.summary FROM c, (VALUES
        (1, '动员部署阶段', DATE '2017-05-01', DATE '2017-05-31', '印发方案，联席会议成员单位动员部署；宣传动员，引导网络经营主体自查自纠（5月）'),
        (2, '集中联合检查阶段', DATE '2017-06-01', DATE '2017-11-15', '各地市场监管部门牵头组织专项行动，各部门按职责分工分领域推进（6月至11月中旬）'),
        (3, '督查总结阶段', DATE '2017-10-01', DATE '2017-11-30', '十部门联合组成督查组集中督查；各地各部门梳理工作情况、总结经验做法（10月至11月）'))
        AS p (seq, name, starts_on, ends_on, summary)
    RETURNING 1
), focuses AS (
    INSERT INTO campaign_focus (campaign_id, seq, title, summary, lead_agency)
    SELECT c.id, f.seq, f.title, f.summary, 'SAMR' FROM c, (VALUES
        (1, '严厉打击侵权假冒行为', '以食品药品、化妆品、儿童老年用品、家用电器、消费类电子产品等为重点，联合执法，监督检查生产经营企业和网络交易平台'),
        (2, '严厉打击虚假宣传、虚假违法广告行为', '依据《反不正当竞争法》《广告法》《互联网广告管理暂行办法》，强化互联网广告监测'),
        (3, '严厉打击刷单炒信行为', '反炒信联合行动：恶意注册、刷单炒信、虚假评价、泄露倒卖个人信息、合谋寄递空包裹；大数据分析固定和提取证据'),
        (4, '严厉打击其他网络违法违规行为', '整治非法主体网站；查处不正当竞争、网络传销；集中促销期监测；网络服务交易和在线旅游'))
        AS f (seq, title, summary)
    RETURNING 1
)
INSERT INTO campaign_duty (campaign_id, agency_code, seq, summary, focus)
SELECT c.id, d.agency, d.seq, d.summary, d.focus FROM c, (VALUES
    ('SAMR', 1, '牵头协调；规范网络经营主体，查处侵权假冒、虚假宣传、刷单炒信等违法行为', ARRAY[1, 2, 3, 4]),
    ('NDRC', 2, '规范网络交易价格行为；发挥反炒信工作机制作用，组织反炒信联合惩戒', ARRAY[3, 4]),
    ('MIIT', 3, '网络实名制、网站备案、IP地址、域名基础管理；对拒不整改的互联网信息服务提供者依法处置', ARRAY[1, 2, 3, 4]),
    ('MPS', 4, '查处打击网络商标侵权和假冒伪劣、网络诈骗、侵犯公民个人信息、网络传销等违法犯罪', ARRAY[1, 3, 4]),
    ('MOFCOM', 5, '督办打击网络侵权假冒重大案件，推动跨地区跨部门执法协作；经营者集中反垄断执法', ARRAY[1, 4]),
    ('CUSTOMS', 6, '打击跨境电商领域侵犯知识产权；查处以虚假交易、支付、物流数据逃避海关监管', ARRAY[1, 4]),
    ('QUALITY', 7, '电子商务产品执法专项行动，以“双十一”为重点时段开展监督抽查', ARRAY[1]),
    ('FOODDRUG', 8, '打击网络食品药品违法行为，加大网络销售食品抽检，监管网络餐饮服务第三方平台', ARRAY[1, 4]),
    ('CAC', 9, '配合清理网络交易平台上的违法违规信息', ARRAY[2, 4]),
    ('POST', 10, '邮政市场监管执法检查，加强协议客户资格审查，邮件快件信息溯源追查', ARRAY[3]))
    AS d (agency, seq, summary, focus);

-- Recorded acts the campaign statistics count (issue 15 part 2): each with its indicator (indicators.json), the
-- agency and region that acted, the day, a quantity (a count, or cents for amounts), the violation category where
-- the indicator is broken down by it, and where it came from (a monitoring run, a case, a credit listing, an entry).
CREATE TABLE campaign_act (
    id          BIGSERIAL   PRIMARY KEY,
    indicator   TEXT        NOT NULL,
    agency_code TEXT        NOT NULL REFERENCES agency (code),
    region_code CHAR(6)     NOT NULL REFERENCES region (code),
    occurred_on DATE        NOT NULL,
    quantity    BIGINT      NOT NULL CHECK (quantity >= 0),
    category    TEXT,
    source_kind TEXT        NOT NULL CHECK (source_kind IN ('monitoring-run', 'case', 'credit-list', 'entry',
                                                             'inspection', 'guidance')),
    source_id   TEXT        NOT NULL,
    note        TEXT,
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    UNIQUE (indicator, source_kind, source_id, occurred_on)
);
CREATE INDEX campaign_act_period_idx ON campaign_act (occurred_on, region_code);

-- On-site inspections of operators (实地检查) and administrative guidance of platforms and operators (行政指导:
-- 提示、建议、约谈、告诫) with its participants, commitments and follow-up (回头看): records of their own, each also an act.
CREATE TABLE campaign_inspection (
    id                   BIGSERIAL   PRIMARY KEY,
    subject_name         TEXT        NOT NULL,
    operator_credit_code CHAR(18),
    platform_code        TEXT        REFERENCES platform (code),
    shop_id              TEXT,
    inspected_on         DATE        NOT NULL,
    inspectors           TEXT        NOT NULL,
    findings             TEXT        NOT NULL,
    agency_code          TEXT        NOT NULL REFERENCES agency (code),
    region_code          CHAR(6)     NOT NULL REFERENCES region (code),
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (agency_code, region_code, subject_name, inspected_on)
);

CREATE TABLE campaign_guidance (
    id                   BIGSERIAL   PRIMARY KEY,
    kind                 TEXT        NOT NULL CHECK (kind IN ('PROMPT', 'ADVICE', 'INTERVIEW', 'ADMONITION')),
    platform_code        TEXT        REFERENCES platform (code),
    operator_credit_code CHAR(18),
    subject_name         TEXT        NOT NULL,
    held_on              DATE        NOT NULL,
    participants         TEXT[]      NOT NULL,
    matters              TEXT        NOT NULL,
    commitments          TEXT        NOT NULL,
    follow_up_due        DATE,
    followed_up_on       DATE,
    follow_up_result     TEXT,
    agency_code          TEXT        NOT NULL REFERENCES agency (code),
    region_code          CHAR(6)     NOT NULL REFERENCES region (code),
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    CHECK (platform_code IS NOT NULL OR operator_credit_code IS NOT NULL)
);
