-- 网上入会 (modules/join-applications): the app may read, add and update applications, never DELETE or TRUNCATE
-- them. Row-level security follows the case: an application is visible exactly when its case is (cases_scope: the
-- subtree of the union applied to). The public routes read and write it as the system.
GRANT SELECT, INSERT, UPDATE ON join_applications TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON join_applications FROM gonghui_app;
--> statement-breakpoint
ALTER TABLE join_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS join_applications_scope ON join_applications;
--> statement-breakpoint
CREATE POLICY join_applications_scope ON join_applications USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = join_applications.case_id));
