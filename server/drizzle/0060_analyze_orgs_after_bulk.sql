-- The bulk org import (组织名册) writes orgs and org_events: analyze them after it like the other bulk tables.
CREATE OR REPLACE FUNCTION app_analyze(tables text[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    IF t = ANY (ARRAY['members', 'member_events', 'member_flow_months', 'cases', 'case_steps', 'assistance_entries', 'ledger_entries', 'audit_events', 'orgs', 'org_events']) THEN
      EXECUTE format('ANALYZE %I', t);
    END IF;
  END LOOP;
END $$;
