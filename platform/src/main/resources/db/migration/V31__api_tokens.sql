-- API tokens for machines and scripts (issue 13): the token itself is shown once and stored only as its SHA-256
-- (a fast hash is enough for 256 random bits); it acts as its owner, narrowed to the roles and API areas it names.
CREATE TABLE api_token (
    id           BIGSERIAL   PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL,
    token_sha256 TEXT        NOT NULL UNIQUE,
    roles        TEXT[]      NOT NULL,
    areas        TEXT[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT,
    last_used_at TIMESTAMPTZ,
    CHECK (cardinality(roles) > 0 AND cardinality(areas) > 0),
    CHECK (expires_at > created_at)
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
