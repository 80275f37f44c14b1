-- PostgreSQL as a second wall (issue 8): the app connects as a member of the group role gonghui_app, which owns
-- nothing and may not TRUNCATE, UPDATE or DELETE the audit trail; row-level security limits members, orgs, users,
-- audit events and imports to the org subtree named by the session setting app.scope_path, set by the app for each
-- request or job ('*' = explicit system context; unset or '' = nothing). Owners and superusers bypass RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gonghui_app') THEN
    CREATE ROLE gonghui_app NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'role gonghui_app is missing: run CREATE ROLE gonghui_app NOLOGIN as an administrator, or give the migration role CREATEROLE';
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gonghui_app;
--> statement-breakpoint
-- Tables and sequences that later migrations create (run by this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gonghui_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO gonghui_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM gonghui_app;
--> statement-breakpoint
-- The scope as a byte range of paths: [lo, hi) holds exactly the subtree, because paths are digits and dots
-- (both below ':'). Range operators are leakproof, so the app's own subtree filters still use the path indexes.
CREATE OR REPLACE FUNCTION app_scope_lo() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('app.scope_path', true) WHEN '*' THEN '' WHEN '' THEN NULL ELSE current_setting('app.scope_path', true) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_hi() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('app.scope_path', true) WHEN '*' THEN '~' WHEN '' THEN NULL ELSE current_setting('app.scope_path', true) || ':' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope_path', true) = '*', false)
$$;
--> statement-breakpoint
-- The top org's scope (one path segment) also sees audit events that belong to no org (unknown login names).
CREATE OR REPLACE FUNCTION app_scope_top() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope_path', true) = '*' OR current_setting('app.scope_path', true) ~ '^[0-9]+\.$', false)
$$;
--> statement-breakpoint
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS orgs_scope ON orgs;
--> statement-breakpoint
CREATE POLICY orgs_scope ON orgs USING (path ~>=~ (SELECT app_scope_lo()) AND path ~<~ (SELECT app_scope_hi()));
--> statement-breakpoint
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS members_scope ON members;
--> statement-breakpoint
CREATE POLICY members_scope ON members USING (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS users_scope ON users;
--> statement-breakpoint
CREATE POLICY users_scope ON users USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = users.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS audit_events_read ON audit_events;
--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (
  (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())) OR (org_path IS NULL AND (SELECT app_scope_top())));
--> statement-breakpoint
-- Any action may be recorded, whatever org it concerns; reading is what the scope limits.
DROP POLICY IF EXISTS audit_events_append ON audit_events;
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS jobs_scope ON jobs;
--> statement-breakpoint
CREATE POLICY jobs_scope ON jobs USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = jobs.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE member_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_imports_scope ON member_imports;
--> statement-breakpoint
CREATE POLICY member_imports_scope ON member_imports USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = member_imports.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE member_import_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_import_rows_scope ON member_import_rows;
--> statement-breakpoint
CREATE POLICY member_import_rows_scope ON member_import_rows USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM member_imports i JOIN orgs o ON o.id = i.org_id
  WHERE i.job_id = member_import_rows.job_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
-- Statistics triggers keep federation-wide counters (an accepted transfer books a flow at the sending org too),
-- so they read members and orgs as the owner, not within the writer's scope.
ALTER FUNCTION member_events_fill() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION member_flow_months_insert() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION member_flow_months_delete() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION member_flow_months_update() SECURITY DEFINER SET search_path = public, pg_temp;
