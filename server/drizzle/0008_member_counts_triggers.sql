-- Statistics read membership flows without joining members: each event carries the member's gender and
-- categories, and member_counts holds the signed sum of all flows per org, gender and categories (decision 0003).
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
CREATE OR REPLACE FUNCTION member_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted, so that concurrent transactions lock counter rows in the same order.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO member_counts (org_id, gender, categories, n)
    SELECT org_id, gender, categories, sum(member_event_sign(type))::int FROM new_rows
    WHERE member_event_sign(type) <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, gender, categories) DO UPDATE SET n = member_counts.n + excluded.n;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO member_counts (org_id, gender, categories, n)
    SELECT org_id, gender, categories, -sum(member_event_sign(type))::int FROM old_rows
    WHERE member_event_sign(type) <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, gender, categories) DO UPDATE SET n = member_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER member_counts_insert AFTER INSERT ON member_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER member_counts_delete AFTER DELETE ON member_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER member_counts_update AFTER UPDATE ON member_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_counts_apply();
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
INSERT INTO member_counts (org_id, gender, categories, n)
SELECT org_id, gender, categories, sum(member_event_sign(type))::int FROM member_events
WHERE member_event_sign(type) <> 0 GROUP BY 1, 2, 3
ON CONFLICT (org_id, gender, categories) DO UPDATE SET n = excluded.n;
