-- A platform reports that it removed listings (下架); a removed listing keeps its last reported content (the
-- evidence of what was there) and is no longer monitored. Reporting it again puts it back.
ALTER TABLE listing ADD COLUMN removed_at timestamptz, ADD COLUMN removed_by text, ADD COLUMN removal_note text;

-- Notices to platforms (issue 16): a takedown of listings, a rectification of a shop page, a suspension of a
-- shop's service, or a correction of the licence display; sent by a bureau with its legal basis and a due time,
-- confirmed by the platform, then checked against what the platform reports (a new fixed capture).
CREATE TABLE platform_notice (
    id              bigserial PRIMARY KEY,
    notice_no       text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('TAKEDOWN', 'RECTIFY_PAGE', 'SUSPEND_SHOP', 'LICENCE_DISPLAY')),
    platform_code   text        NOT NULL,
    shop_id         text        NOT NULL,
    listing_ids     text[]      NOT NULL DEFAULT '{}',
    source_kind     text        NOT NULL CHECK (source_kind IN ('finding', 'clue', 'case')),
    source_id       bigint      NOT NULL,
    law             text        NOT NULL,
    article         text        NOT NULL,
    demand          text        NOT NULL,
    agency_code     text        NOT NULL,
    region_code     text        NOT NULL,
    sent_by         text        NOT NULL,
    sent_at         timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    state           text        NOT NULL CHECK (state IN ('SENT', 'CONFIRMED', 'PROVEN', 'UNPROVEN')),
    confirmed_by    text,
    confirmed_at    timestamptz,
    acted_at        timestamptz,
    action_taken    text,
    verified_at     timestamptz,
    verified_by     text,
    evidence_seq    bigint,
    verification    text,
    CHECK (due_at > sent_at),
    CHECK ((state = 'SENT') = (confirmed_at IS NULL)),
    CHECK (state NOT IN ('PROVEN', 'UNPROVEN') OR verified_at IS NOT NULL),
    CHECK (kind <> 'TAKEDOWN' OR cardinality(listing_ids) > 0)
);

CREATE INDEX platform_notice_platform ON platform_notice (platform_code, state);
CREATE INDEX platform_notice_bureau ON platform_notice (agency_code, region_code, state);

CREATE TABLE platform_notice_number (
    agency_code text    NOT NULL,
    region_code text    NOT NULL,
    year        integer NOT NULL,
    last_value  integer NOT NULL,
    PRIMARY KEY (agency_code, region_code, year)
);

-- acts also come from notices to platforms proven carried out
ALTER TABLE campaign_act DROP CONSTRAINT campaign_act_source_kind_check;
ALTER TABLE campaign_act ADD CONSTRAINT campaign_act_source_kind_check CHECK (source_kind IN
    ('monitoring-run', 'case', 'case-milestone', 'credit-list', 'entry', 'inspection', 'guidance', 'sampling',
     'notice'));
