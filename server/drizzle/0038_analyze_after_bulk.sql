-- Planner statistics right after bulk work (issue 13): the app's role does not own the tables, and only an owner
-- may ANALYZE them, so a bulk job asks this function (run as its owner) to analyze the tables it wrote. Only the
-- tables bulk jobs write are accepted; others are ignored. ANALYZE takes a lock that does not block reads or writes.
CREATE OR REPLACE FUNCTION app_analyze(tables text[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    IF t = ANY (ARRAY['members', 'member_events', 'member_flow_months', 'cases', 'case_steps', 'assistance_entries', 'ledger_entries', 'audit_events']) THEN
      EXECUTE format('ANALYZE %I', t);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_analyze(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_analyze(text[]) TO gonghui_app;
