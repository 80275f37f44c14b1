-- 受助名单导入 (modules/assistance): grants and row-level security, like the member import's. An import and its
-- refused rows are seen within the subtree of the submitting union (the system sees all: the job runs as it).
GRANT SELECT, INSERT, UPDATE ON beneficiary_imports TO gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON beneficiary_import_rows TO gonghui_app;
--> statement-breakpoint
ALTER TABLE beneficiary_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS beneficiary_imports_scope ON beneficiary_imports;
--> statement-breakpoint
CREATE POLICY beneficiary_imports_scope ON beneficiary_imports USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = beneficiary_imports.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE beneficiary_import_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS beneficiary_import_rows_scope ON beneficiary_import_rows;
--> statement-breakpoint
CREATE POLICY beneficiary_import_rows_scope ON beneficiary_import_rows USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM beneficiary_imports i JOIN orgs o ON o.id = i.org_id
  WHERE i.job_id = beneficiary_import_rows.job_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
