-- Statistics read membership flows without joining members: each event carries the member's gender and
-- categories, and member_flow_months counts the flows per month for every ancestor of the event's org (decision 0003).
CREATE OR REPLACE FUNCTION member_event_sign(t text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN t IN ('join', 'transfer_in', 'reclass_in') THEN 1 WHEN t IN ('quit', 'transfer_out', 'reclass_out') THEN -1 ELSE 0 END
$$;
--> statement-breakpoint
UPDATE member_events e SET gender = m.gender, categories = m.categories FROM members m WHERE m.id = e.member_id AND (e.gender IS NULL OR e.categories IS NULL);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_events_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.gender IS NULL OR NEW.categories IS NULL THEN
    SELECT coalesce(NEW.gender, m.gender), coalesce(NEW.categories, m.categories) INTO NEW.gender, NEW.categories
    FROM members m WHERE m.id = NEW.member_id;
  END IF;
  IF NEW.gender IS NULL OR NEW.categories IS NULL THEN
    RAISE EXCEPTION 'member_events: gender and categories are required for member %', NEW.member_id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER member_events_fill BEFORE INSERT ON member_events FOR EACH ROW EXECUTE FUNCTION member_events_fill();
--> statement-breakpoint
-- Each statement's events are added to (or taken from) the monthly flows of every ancestor of their orgs, in the
-- same transaction. Rows are written in key order so that concurrent transactions lock them in the same order.
CREATE OR REPLACE FUNCTION member_flow_months_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
  SELECT a.id::int, date_trunc('month', r.date)::date, r.type, r.gender, r.categories, (1 * count(*))::int
  FROM new_rows r JOIN orgs o ON o.id = r.org_id
  CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
  WHERE member_event_sign(r.type) <> 0
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (ancestor_id, month, type, gender, categories) DO UPDATE SET n = member_flow_months.n + excluded.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_flow_months_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
  SELECT a.id::int, date_trunc('month', r.date)::date, r.type, r.gender, r.categories, (-1 * count(*))::int
  FROM old_rows r JOIN orgs o ON o.id = r.org_id
  CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
  WHERE member_event_sign(r.type) <> 0
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (ancestor_id, month, type, gender, categories) DO UPDATE SET n = member_flow_months.n + excluded.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_flow_months_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
  SELECT a.id::int, date_trunc('month', r.date)::date, r.type, r.gender, r.categories, (-1 * count(*))::int
  FROM old_rows r JOIN orgs o ON o.id = r.org_id
  CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
  WHERE member_event_sign(r.type) <> 0
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (ancestor_id, month, type, gender, categories) DO UPDATE SET n = member_flow_months.n + excluded.n;
  INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
  SELECT a.id::int, date_trunc('month', r.date)::date, r.type, r.gender, r.categories, (1 * count(*))::int
  FROM new_rows r JOIN orgs o ON o.id = r.org_id
  CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
  WHERE member_event_sign(r.type) <> 0
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (ancestor_id, month, type, gender, categories) DO UPDATE SET n = member_flow_months.n + excluded.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER member_flow_months_insert AFTER INSERT ON member_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_flow_months_insert();
--> statement-breakpoint
CREATE TRIGGER member_flow_months_delete AFTER DELETE ON member_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_flow_months_delete();
--> statement-breakpoint
CREATE TRIGGER member_flow_months_update AFTER UPDATE ON member_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_flow_months_update();
--> statement-breakpoint
-- A member whose categories change (in the registry or by an import) moves between category sets from today.
CREATE OR REPLACE FUNCTION members_reclass() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC' + interval '8 hours')::date;
BEGIN
  IF OLD.status IN ('active', 'retained') AND NEW.status IN ('active', 'retained') AND NEW.org_id = OLD.org_id THEN
    INSERT INTO member_events (member_id, org_id, type, date, gender, categories, data) VALUES
      (NEW.id, NEW.org_id, 'reclass_out', today, NEW.gender, OLD.categories, '{}'::jsonb),
      (NEW.id, NEW.org_id, 'reclass_in', today, NEW.gender, NEW.categories, '{}'::jsonb);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER members_reclass AFTER UPDATE OF categories ON members FOR EACH ROW WHEN (OLD.categories IS DISTINCT FROM NEW.categories) EXECUTE FUNCTION members_reclass();
--> statement-breakpoint
INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
SELECT a.id::int, date_trunc('month', r.date)::date, r.type, r.gender, r.categories, count(*)::int
FROM member_events r JOIN orgs o ON o.id = r.org_id
CROSS JOIN LATERAL unnest(string_to_array(rtrim(o.path, '.'), '.')) AS a(id)
WHERE member_event_sign(r.type) <> 0
GROUP BY 1, 2, 3, 4, 5;
