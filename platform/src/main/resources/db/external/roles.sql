-- wangjian on an external PostgreSQL: the two roles of decision 0019, created by a database administrator.
-- Run as a superuser (or a role with CREATEROLE that owns the database), connected to the platform's database:
--   psql -v ON_ERROR_STOP=1 -d wangjian -f roles.sql      (also printed by ./wangjian db-roles)
-- then give each role a password:  ALTER ROLE wangjian_owner PASSWORD '…';  ALTER ROLE wangjian_app PASSWORD '…';
-- and configure the platform: WANGJIAN_DB_USER=wangjian_app (it serves with this role) and
-- WANGJIAN_DB_OWNER_USER=wangjian_owner (migrations only), each with its *_PASSWORD.
-- wangjian_owner owns the schema and every table and runs the Flyway migrations; wangjian_app may read and write
-- the tables but only insert into the audit log and the evidence register (migration V29 revokes the rest), owns
-- nothing, and so cannot alter a table or disable its triggers.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wangjian_owner') THEN
    CREATE ROLE wangjian_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wangjian_app') THEN
    CREATE ROLE wangjian_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  EXECUTE format('ALTER DATABASE %I OWNER TO wangjian_owner', current_database());
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO wangjian_app', current_database());
END $$;
ALTER SCHEMA public OWNER TO wangjian_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO wangjian_app;
ALTER DEFAULT PRIVILEGES FOR ROLE wangjian_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wangjian_app;
ALTER DEFAULT PRIVILEGES FOR ROLE wangjian_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO wangjian_app;
