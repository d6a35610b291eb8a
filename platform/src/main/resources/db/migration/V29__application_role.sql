-- The application role (created by the embedded server's set-up, or by the administrator of an external server,
-- see docs/decisions/0019) may only insert into the audit log and the evidence register.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wangjian_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM wangjian_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON evidence_capture FROM wangjian_app;
  END IF;
END $$;
