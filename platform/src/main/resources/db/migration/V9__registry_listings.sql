-- Product listings as platforms report them (平台报送的商品信息): the text and prices the monitoring area scans.
-- content is the canonical JSON of the reported record; content_sha256 its SHA-256, the evidence of what was
-- reported (a confirmed finding fixes it into the evidence store).

CREATE TABLE listing (
    platform_code  TEXT          NOT NULL,
    listing_id     TEXT          NOT NULL,
    shop_id        TEXT          NOT NULL,
    category       TEXT,
    title          TEXT          NOT NULL,
    description    TEXT,
    url            TEXT,
    original_price NUMERIC(14, 2),
    home_price     NUMERIC(14, 2),
    prices         TEXT,
    content        TEXT          NOT NULL,
    content_sha256 CHAR(64)      NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    source         TEXT          NOT NULL,
    PRIMARY KEY (platform_code, listing_id),
    FOREIGN KEY (platform_code, shop_id) REFERENCES shop (platform_code, shop_id)
);
CREATE INDEX listing_shop_idx ON listing (platform_code, shop_id);
CREATE INDEX listing_category_idx ON listing (category);
