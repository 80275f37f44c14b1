-- 维权 (modules/rights): grants and row-level security. Rights cases and injury reports may be read, added and updated
-- (status and dates as their case moves), never deleted; a row is visible exactly when its case is (cases_scope:
-- the owner's subtree). Roster entries are removed by marking them; they are seen from their org's subtree and from
-- below it (a union assigns its case to a lawyer its district keeps), but written only within the subtree.
GRANT SELECT, INSERT, UPDATE ON rights_cases TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON rights_cases FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON injury_reports TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON injury_reports FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rights_roster TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON rights_roster FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE rights_roster_id_seq TO gonghui_app;
--> statement-breakpoint
ALTER TABLE rights_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS rights_cases_scope ON rights_cases;
--> statement-breakpoint
CREATE POLICY rights_cases_scope ON rights_cases USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = rights_cases.id));
--> statement-breakpoint
ALTER TABLE injury_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS injury_reports_scope ON injury_reports;
--> statement-breakpoint
CREATE POLICY injury_reports_scope ON injury_reports USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = injury_reports.id));
--> statement-breakpoint
ALTER TABLE rights_roster ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS rights_roster_read ON rights_roster;
--> statement-breakpoint
CREATE POLICY rights_roster_read ON rights_roster FOR SELECT USING ((SELECT app_scope_system()) OR (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()))
  OR starts_with((SELECT app_scope_lo()), org_path));
--> statement-breakpoint
DROP POLICY IF EXISTS rights_roster_write ON rights_roster;
--> statement-breakpoint
CREATE POLICY rights_roster_write ON rights_roster FOR INSERT WITH CHECK ((SELECT app_scope_system()) OR (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
DROP POLICY IF EXISTS rights_roster_update ON rights_roster;
--> statement-breakpoint
CREATE POLICY rights_roster_update ON rights_roster FOR UPDATE USING ((SELECT app_scope_system()) OR (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())));
