-- 资金台账 is append-only like the audit trail: a wrong entry is corrected by a reversal, never changed or removed.
-- The app role may only read and insert; a trigger refuses UPDATE, DELETE and TRUNCATE on both engines (also for
-- owners, who bypass grants).
CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS ledger_entries_no_update ON ledger_entries;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
DROP TRIGGER IF EXISTS ledger_entries_no_truncate ON ledger_entries;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entries FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON ledger_entries TO gonghui_app;
--> statement-breakpoint
-- Scope follows the org's current path (an org move rewrites orgs.path; the entry's own org_path stays as written).
ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS ledger_entries_scope ON ledger_entries;
--> statement-breakpoint
CREATE POLICY ledger_entries_scope ON ledger_entries USING ((SELECT app_scope_system()) OR EXISTS (
  SELECT 1 FROM orgs o WHERE o.id = ledger_entries.org_id AND o.path ~>=~ (SELECT app_scope_lo()) AND o.path ~<~ (SELECT app_scope_hi())));
