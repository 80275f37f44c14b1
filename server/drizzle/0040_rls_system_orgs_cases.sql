-- The system context (app.scope_path = '*') short-circuits the orgs, cases and campaigns (read) policies, as it already does those of
-- users, jobs, hardship files and assistance entries (decision 0009). The ranges alone let the system see every
-- row too ('' … '~'), but the planner cannot know that: it takes the InitPlan range for 0.5 % of the table, so a
-- system read of a whole subtree (the statistics providers after the route's scope check) was planned as nested
-- loops driven by a few hundred orgs. A scoped request sees exactly what it saw before.
DROP POLICY IF EXISTS orgs_scope ON orgs;
--> statement-breakpoint
CREATE POLICY orgs_scope ON orgs USING ((SELECT app_scope_system()) OR (path ~>=~ (SELECT app_scope_lo()) AND path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
DROP POLICY IF EXISTS cases_scope ON cases;
--> statement-breakpoint
CREATE POLICY cases_scope ON cases USING (
  (SELECT app_scope_system())
  OR (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()))
  OR (target_org_path ~>=~ (SELECT app_scope_lo()) AND target_org_path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
DROP POLICY IF EXISTS campaigns_read ON campaigns;
--> statement-breakpoint
CREATE POLICY campaigns_read ON campaigns FOR SELECT USING (
  (SELECT app_scope_system())
  OR (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()))
  OR starts_with((SELECT app_scope_lo()), org_path));
