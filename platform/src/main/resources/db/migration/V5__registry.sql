-- Registry of online market subjects (主体库): enterprises and individual businesses, platforms, shops.

CREATE TABLE enterprise (
    credit_code    CHAR(18)    PRIMARY KEY,
    name           TEXT        NOT NULL,
    legal_rep      TEXT,
    address        TEXT,
    region_code    CHAR(6) REFERENCES region (code),
    status         TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED', 'CANCELLED', 'ABNORMAL')),
    kind           TEXT        NOT NULL DEFAULT 'ENTERPRISE' CHECK (kind IN ('ENTERPRISE', 'INDIVIDUAL', 'OTHER')),
    updated_at     TIMESTAMPTZ NOT NULL,
    source         TEXT        NOT NULL
);
CREATE INDEX enterprise_name_idx ON enterprise (name);
CREATE INDEX enterprise_region_idx ON enterprise (region_code);

CREATE TABLE platform (
    code TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_.-]{2,40}$'),
    name TEXT NOT NULL
);

CREATE TABLE shop (
    platform_code        TEXT        NOT NULL REFERENCES platform (code),
    shop_id              TEXT        NOT NULL,
    shop_name            TEXT        NOT NULL,
    operator_credit_code CHAR(18),
    licence_info         TEXT,
    updated_at           TIMESTAMPTZ NOT NULL,
    source               TEXT        NOT NULL,
    PRIMARY KEY (platform_code, shop_id)
);
CREATE INDEX shop_operator_idx ON shop (operator_credit_code);
CREATE INDEX shop_name_idx ON shop (shop_name);

CREATE TABLE registry_import (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT        NOT NULL,
    file_name   TEXT,
    encoding    TEXT        NOT NULL,
    mode        TEXT        NOT NULL,
    rows_total  INT         NOT NULL,
    imported    INT         NOT NULL,
    rejected    INT         NOT NULL,
    imported_by TEXT        NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
