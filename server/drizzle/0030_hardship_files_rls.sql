-- 困难职工档案 (modules/hardship): the app may read, add and update files and add their dated events, never DELETE or
-- TRUNCATE them (a file leaves hardship by exiting, and its history stays). Row-level security follows the case:
-- a file or event is visible exactly when its case is (cases_scope: the owner's or the approving org's subtree).
GRANT SELECT, INSERT, UPDATE ON hardship_files TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON hardship_files FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON hardship_events TO gonghui_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON hardship_events FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE hardship_events_id_seq TO gonghui_app;
--> statement-breakpoint
ALTER TABLE hardship_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS hardship_files_scope ON hardship_files;
--> statement-breakpoint
CREATE POLICY hardship_files_scope ON hardship_files USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = hardship_files.case_id));
--> statement-breakpoint
ALTER TABLE hardship_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS hardship_events_scope ON hardship_events;
--> statement-breakpoint
CREATE POLICY hardship_events_scope ON hardship_events USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = hardship_events.case_id));
