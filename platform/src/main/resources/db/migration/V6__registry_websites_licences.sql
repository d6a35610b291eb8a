-- Websites, apps and mini-programs with their filings; licences with validity; the goods category of a shop.

CREATE TABLE website (
    address                TEXT        PRIMARY KEY,
    kind                   TEXT        NOT NULL CHECK (kind IN ('WEBSITE', 'APP', 'MINI_PROGRAM')),
    name                   TEXT,
    icp_filing             TEXT,
    public_security_filing TEXT,
    operator_credit_code   CHAR(18),
    updated_at             TIMESTAMPTZ NOT NULL,
    source                 TEXT        NOT NULL
);
CREATE INDEX website_operator_idx ON website (operator_credit_code);
CREATE INDEX website_icp_idx ON website (icp_filing);

CREATE TABLE licence (
    kind               TEXT        NOT NULL CHECK (kind IN ('FOOD_BUSINESS', 'FOOD_PRODUCTION', 'ICP_LICENCE',
                                                            'DRUG_ONLINE', 'OTHER')),
    number             TEXT        NOT NULL,
    holder_credit_code CHAR(18)    NOT NULL,
    valid_from         DATE,
    valid_to           DATE,
    updated_at         TIMESTAMPTZ NOT NULL,
    source             TEXT        NOT NULL,
    PRIMARY KEY (kind, number)
);
CREATE INDEX licence_holder_idx ON licence (holder_credit_code);

ALTER TABLE shop ADD COLUMN category TEXT;
