-- member_path_counts (0062) kept by statement-level triggers on members, in the transaction of every write: each
-- statement adds its new rows on the books (status other than 'left') at their org path and takes its old ones away,
-- one grouped upsert per statement (an import's publish is one statement of 100,000 rows). Paths are upserted in
-- order, so that two transactions touching the same paths lock them in the same order. The functions run as the
-- owner: the app's role only reads the table, in its scope like members.
CREATE OR REPLACE FUNCTION member_path_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_path_counts AS c (org_path, n)
    SELECT org_path, count(*) FROM new_rows WHERE status <> 'left' GROUP BY org_path ORDER BY org_path
    ON CONFLICT (org_path) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO member_path_counts AS c (org_path, n)
    SELECT org_path, -count(*) FROM old_rows WHERE status <> 'left' GROUP BY org_path ORDER BY org_path
    ON CONFLICT (org_path) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO member_path_counts AS c (org_path, n)
    SELECT org_path, sum(d) FROM (
      SELECT org_path, 1 AS d FROM new_rows WHERE status <> 'left'
      UNION ALL
      SELECT org_path, -1 FROM old_rows WHERE status <> 'left') x
    GROUP BY org_path HAVING sum(d) <> 0 ORDER BY org_path
    ON CONFLICT (org_path) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
ALTER FUNCTION member_path_counts_apply() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
DROP TRIGGER IF EXISTS member_path_counts_ins ON members;
--> statement-breakpoint
CREATE TRIGGER member_path_counts_ins AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_path_counts_apply();
--> statement-breakpoint
DROP TRIGGER IF EXISTS member_path_counts_upd ON members;
--> statement-breakpoint
CREATE TRIGGER member_path_counts_upd AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_path_counts_apply();
--> statement-breakpoint
DROP TRIGGER IF EXISTS member_path_counts_del ON members;
--> statement-breakpoint
CREATE TRIGGER member_path_counts_del AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_path_counts_apply();
--> statement-breakpoint
-- Recomputes the whole table from the members: this migration's backfill, after a TRUNCATE, and after bulk loads
-- that write members with the triggers off (bench generators).
CREATE OR REPLACE FUNCTION member_path_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM member_path_counts;
  INSERT INTO member_path_counts (org_path, n)
  SELECT org_path, count(*) FROM members WHERE status <> 'left' GROUP BY org_path;
$$;
--> statement-breakpoint
ALTER FUNCTION member_path_counts_rebuild() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_path_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_path_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
ALTER FUNCTION member_path_counts_truncated() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
DROP TRIGGER IF EXISTS member_path_counts_trunc ON members;
--> statement-breakpoint
CREATE TRIGGER member_path_counts_trunc AFTER TRUNCATE ON members FOR EACH STATEMENT EXECUTE FUNCTION member_path_counts_truncated();
--> statement-breakpoint
SELECT member_path_counts_rebuild();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON member_path_counts FROM gonghui_app;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION member_path_counts_rebuild() FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE member_path_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_path_counts_scope ON member_path_counts;
--> statement-breakpoint
CREATE POLICY member_path_counts_scope ON member_path_counts FOR SELECT
  USING (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()));
