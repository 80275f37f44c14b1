-- 帮扶救助 (modules/assistance): grants and row-level security. Entries may be read, added and updated (status,
-- paid_at, ledger_entry_id as their case moves), never deleted; they are limited to the subtree named by
-- app.scope_path through their org's current path (like the ledger). A campaign is seen from its opening org's
-- subtree and also from below it (a lower union submits beneficiaries of an ancestor's campaign), but written only
-- within the subtree.
GRANT SELECT, INSERT, UPDATE ON assistance_entries TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON assistance_entries FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON campaigns TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON campaigns FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE campaigns_id_seq TO gonghui_app;
--> statement-breakpoint
ALTER TABLE assistance_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS assistance_entries_scope ON assistance_entries;
--> statement-breakpoint
CREATE POLICY assistance_entries_scope ON assistance_entries USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = assistance_entries.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS campaigns_read ON campaigns;
--> statement-breakpoint
CREATE POLICY campaigns_read ON campaigns FOR SELECT USING (
  (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())) OR starts_with((SELECT app_scope_lo()), org_path));
--> statement-breakpoint
DROP POLICY IF EXISTS campaigns_write ON campaigns;
--> statement-breakpoint
CREATE POLICY campaigns_write ON campaigns FOR INSERT WITH CHECK (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
--> statement-breakpoint
DROP POLICY IF EXISTS campaigns_move ON campaigns;
--> statement-breakpoint
CREATE POLICY campaigns_move ON campaigns FOR UPDATE USING (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
