-- The public side (公众服务): consumer warnings written and published by officers, and the public's evaluations of
-- platforms (监督评议), which appear only once a moderator has approved them.
CREATE TABLE public_warning (
    id           bigserial PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('WARNING', 'TIP')),
    title        text        NOT NULL,
    body         text        NOT NULL,
    agency_code  text        NOT NULL,
    region_code  text        NOT NULL,
    written_by   text        NOT NULL,
    written_at   timestamptz NOT NULL,
    published_by text,
    published_at timestamptz,
    withdrawn_at timestamptz,
    withdrawn_by text
);

CREATE INDEX public_warning_published ON public_warning (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE platform_evaluation (
    id            bigserial PRIMARY KEY,
    platform_code text        NOT NULL,
    stars         integer     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment       text        NOT NULL,
    submitted_at  timestamptz NOT NULL,
    state         text        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    moderated_by  text,
    moderated_at  timestamptz,
    reason        text,
    CHECK ((state = 'PENDING') = (moderated_at IS NULL))
);

CREATE INDEX platform_evaluation_state ON platform_evaluation (state, platform_code);
