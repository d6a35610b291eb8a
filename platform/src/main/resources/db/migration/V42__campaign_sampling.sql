-- Sampling (抽检) of goods bought online: plans for key periods and goods, samples with where they were bought,
-- test results, and publication of the results on the public side (issue 15 part 5).

CREATE TABLE campaign_sampling_plan (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('PRODUCT', 'FOOD')),
    title           text        NOT NULL,
    key_period      text        NOT NULL,
    goods           text        NOT NULL,
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    planned_batches integer     NOT NULL CHECK (planned_batches BETWEEN 1 AND 100000),
    agency_code     text        NOT NULL,
    region_code     text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    CHECK (ends_on >= starts_on),
    UNIQUE (agency_code, region_code, title)
);

CREATE TABLE campaign_sample (
    id                   bigserial PRIMARY KEY,
    plan_id              bigint      NOT NULL REFERENCES campaign_sampling_plan (id),
    sample_no            text        NOT NULL,
    product_name         text        NOT NULL,
    platform_code        text        NOT NULL,
    shop_id              text        NOT NULL,
    listing_id           text,
    order_no             text        NOT NULL,
    bought_on            date        NOT NULL,
    price_cents          bigint      NOT NULL CHECK (price_cents >= 0),
    subject_name         text        NOT NULL,
    operator_credit_code text,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL,
    tested_on            date,
    lab                  text,
    report_no            text,
    qualified            boolean,
    failed_items         text[],
    result_by            text,
    result_at            timestamptz,
    clue_id              bigint,
    published_on         date,
    published_by         text,
    UNIQUE (plan_id, sample_no),
    UNIQUE (platform_code, order_no),
    CHECK ((qualified IS NULL) = (tested_on IS NULL)),
    CHECK (qualified IS NOT FALSE OR cardinality(failed_items) > 0),
    CHECK (published_on IS NULL OR qualified IS NOT NULL)
);

CREATE INDEX campaign_sample_published ON campaign_sample (published_on) WHERE published_on IS NOT NULL;

-- acts now also come from sampling results and from cases' milestones (filed, not filed, transferred to the police)
ALTER TABLE campaign_act DROP CONSTRAINT campaign_act_source_kind_check;
ALTER TABLE campaign_act ADD CONSTRAINT campaign_act_source_kind_check CHECK (source_kind IN
    ('monitoring-run', 'case', 'case-milestone', 'credit-list', 'entry', 'inspection', 'guidance', 'sampling'));
