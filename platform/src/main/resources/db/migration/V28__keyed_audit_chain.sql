-- Audit links are HMAC-signed with a key kept outside the database (ChainKey); the key's id is stored with each
-- link. Links written before have no key id and stay plain SHA-256.
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
-- the evidence register's records likewise
ALTER TABLE evidence_capture ADD COLUMN key_id TEXT;
