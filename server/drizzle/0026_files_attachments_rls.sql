-- Attachments (platform/files): the app may read, add and soft-delete (UPDATE deleted_at, or org_path when an org
-- moves) rows, never DELETE or TRUNCATE them; row-level security limits them to the org subtree named by
-- app.scope_path, for reads and for writes (an insert outside the scope is refused), like members.
GRANT SELECT, INSERT, UPDATE ON attachments TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON attachments FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE attachments_id_seq TO gonghui_app;
--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS attachments_scope ON attachments;
--> statement-breakpoint
CREATE POLICY attachments_scope ON attachments USING (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
