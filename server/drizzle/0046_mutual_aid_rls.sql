-- 医疗互助 (modules/mutual-aid): grants and row-level security. Nothing is ever deleted by the app. A plan is seen
-- from its org's subtree and from below it (units enrol and claim under an ancestor's plan) but written only within
-- the subtree; its quotas are seen with it. An enrolment is seen within the subtree of its unit's current path; a
-- claim exactly when its case is (cases_scope: the member's union's or the plan org's subtree).
GRANT SELECT, INSERT, UPDATE ON mutual_aid_plans TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON mutual_aid_plans FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE mutual_aid_plans_id_seq TO gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mutual_aid_quotas TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON mutual_aid_quotas FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mutual_aid_enrolments TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON mutual_aid_enrolments FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE mutual_aid_enrolments_id_seq TO gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mutual_aid_claims TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON mutual_aid_claims FROM gonghui_app;
--> statement-breakpoint
ALTER TABLE mutual_aid_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_plans_read ON mutual_aid_plans;
--> statement-breakpoint
CREATE POLICY mutual_aid_plans_read ON mutual_aid_plans FOR SELECT USING (
  (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())) OR starts_with((SELECT app_scope_lo()), org_path));
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_plans_write ON mutual_aid_plans;
--> statement-breakpoint
CREATE POLICY mutual_aid_plans_write ON mutual_aid_plans FOR INSERT WITH CHECK (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_plans_move ON mutual_aid_plans;
--> statement-breakpoint
CREATE POLICY mutual_aid_plans_move ON mutual_aid_plans FOR UPDATE USING (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
--> statement-breakpoint
ALTER TABLE mutual_aid_quotas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_quotas_scope ON mutual_aid_quotas;
--> statement-breakpoint
CREATE POLICY mutual_aid_quotas_scope ON mutual_aid_quotas USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM mutual_aid_plans p WHERE p.id = mutual_aid_quotas.plan_id));
--> statement-breakpoint
ALTER TABLE mutual_aid_enrolments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_enrolments_scope ON mutual_aid_enrolments;
--> statement-breakpoint
CREATE POLICY mutual_aid_enrolments_scope ON mutual_aid_enrolments USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = mutual_aid_enrolments.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE mutual_aid_claims ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS mutual_aid_claims_scope ON mutual_aid_claims;
--> statement-breakpoint
CREATE POLICY mutual_aid_claims_scope ON mutual_aid_claims USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = mutual_aid_claims.id));
