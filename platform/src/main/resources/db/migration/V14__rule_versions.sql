-- Officers' changes to the rule catalog, as versions: each row is the whole set of additions on top of the built-in
-- catalog (terms and allowed words for existing rules, whole new rules). The newest row is in force; a rollback
-- is a new row copying an older one. Append-only.
CREATE TABLE rule_catalog_version (
    id          BIGSERIAL   PRIMARY KEY,
    additions   TEXT        NOT NULL,
    note        TEXT        NOT NULL,
    based_on    BIGINT REFERENCES rule_catalog_version (id),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION rule_catalog_version_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rule_catalog_version is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER rule_catalog_version_no_update_or_delete
    BEFORE UPDATE OR DELETE ON rule_catalog_version
    FOR EACH ROW EXECUTE FUNCTION rule_catalog_version_is_append_only();
