-- 组织导入 (modules/org-imports): grants and row-level security, like the other imports'. An import is seen within
-- the subtree of the union it was uploaded for (the system sees all: the job runs as it).
GRANT SELECT, INSERT, UPDATE ON org_imports TO gonghui_app;
--> statement-breakpoint
ALTER TABLE org_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS org_imports_scope ON org_imports;
--> statement-breakpoint
CREATE POLICY org_imports_scope ON org_imports USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = org_imports.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
