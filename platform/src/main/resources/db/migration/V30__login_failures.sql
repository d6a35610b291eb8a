-- failed logins, by "user:<name>" and "addr:<address>", kept for the throttle's window (shared by instances)
CREATE TABLE login_failure (
    id  BIGSERIAL   PRIMARY KEY,
    key TEXT        NOT NULL,
    at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failure_key_idx ON login_failure (key, at);
