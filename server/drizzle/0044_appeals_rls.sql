-- 职工诉求 (modules/appeals): the app may read, add and update appeals, never DELETE or TRUNCATE them. Row-level
-- security follows the case: an appeal is visible exactly when its case is (cases_scope: the receiving union's or
-- the responsible union's subtree).
GRANT SELECT, INSERT, UPDATE ON appeals TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON appeals FROM gonghui_app;
--> statement-breakpoint
ALTER TABLE appeals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS appeals_scope ON appeals;
--> statement-breakpoint
CREATE POLICY appeals_scope ON appeals USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = appeals.case_id));
