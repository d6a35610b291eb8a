-- Transaction data reported by platforms (issue 14): orders, reviews and parcels. Buyers' personal data arrives and is
-- kept only as the platform's salted hashes (64 hex characters): buyer account, payment, receiving address, device.
-- The reporting checks each row's platform and shop before it is written, so the large tables carry no foreign keys
-- (a per-row key check costs about a third of the write; decision 0021).
ALTER TABLE shop ADD COLUMN opened_on DATE;

CREATE TABLE trade_report (
    id            BIGSERIAL   PRIMARY KEY,
    platform_code TEXT        NOT NULL REFERENCES platform (code),
    kind          TEXT        NOT NULL,
    mode          TEXT        NOT NULL,
    rows_total    INT         NOT NULL,
    stored        INT         NOT NULL,
    unchanged     INT         NOT NULL,
    rejected      INT         NOT NULL,
    reported_by   TEXT        NOT NULL,
    reported_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE trade_order (
    platform_code TEXT        NOT NULL,
    order_id      TEXT        NOT NULL,
    buyer_hash    CHAR(64)    NOT NULL,
    shop_id       TEXT        NOT NULL,
    item_id       TEXT,
    ordered_at    TIMESTAMPTZ NOT NULL,
    amount_cents  BIGINT      NOT NULL CHECK (amount_cents >= 0),
    payment_hash  CHAR(64),
    address_hash  CHAR(64),
    device_hash   CHAR(64),
    parcel_no     TEXT,
    report_id     BIGINT      NOT NULL,
    PRIMARY KEY (platform_code, order_id)
);
CREATE INDEX trade_order_shop_time_idx ON trade_order (platform_code, shop_id, ordered_at);
CREATE INDEX trade_order_time_idx ON trade_order (ordered_at);

CREATE TABLE trade_review (
    platform_code TEXT        NOT NULL,
    review_id     TEXT        NOT NULL,
    order_id      TEXT,
    buyer_hash    CHAR(64)    NOT NULL,
    shop_id       TEXT        NOT NULL,
    rating        SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    reviewed_at   TIMESTAMPTZ NOT NULL,
    text          TEXT        NOT NULL,
    image_hashes  TEXT[]      NOT NULL,
    report_id     BIGINT      NOT NULL,
    PRIMARY KEY (platform_code, review_id)
);
CREATE INDEX trade_review_shop_time_idx ON trade_review (platform_code, shop_id, reviewed_at);

CREATE TABLE trade_parcel (
    platform_code TEXT        NOT NULL,
    carrier       TEXT        NOT NULL,
    tracking_no   TEXT        NOT NULL,
    order_id      TEXT        NOT NULL,
    weight_grams  INT         CHECK (weight_grams >= 0),
    picked_up_at  TIMESTAMPTZ,
    signed_at     TIMESTAMPTZ,
    pickup_place  TEXT,
    sign_place    TEXT,
    report_id     BIGINT      NOT NULL,
    PRIMARY KEY (platform_code, carrier, tracking_no)
);
CREATE INDEX trade_parcel_order_idx ON trade_parcel (platform_code, order_id);

-- how long raw reported records are kept, as data with its source (versions: the latest effective one applies)
CREATE TABLE trade_retention (
    id             BIGSERIAL PRIMARY KEY,
    kind           TEXT      NOT NULL,
    keep_days      INT       NOT NULL CHECK (keep_days > 0),
    law            TEXT      NOT NULL,
    article        TEXT      NOT NULL,
    source_url     TEXT,
    effective_from DATE      NOT NULL,
    note           TEXT      NOT NULL
);
INSERT INTO trade_retention (kind, keep_days, law, article, source_url, effective_from, note)
SELECT k, 1095, '中华人民共和国电子商务法', '第三十一条', 'https://www.lawdun.com/lawn/d106678.html', DATE '2019-01-01',
       '平台须保存交易信息自交易完成之日起不少于三年；平台报送的原始记录按同一期限保存（自下单、评价或揽收之日起计 1095 天），'
       || '已固定为证据的摘录不受影响'
FROM unnest(ARRAY['ORDERS', 'REVIEWS', 'PARCELS']) AS k;
