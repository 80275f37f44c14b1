-- assistance_month_sums (0058) kept by a trigger on assistance_entries, in the transaction of every write: a paid
-- entry adds itself to its month for each ancestor of its union (and the union itself); a reversal, a move (its path
-- rewritten) or any change of a counted column takes it away from the old place first. The functions run as the
-- owner, so the app's role only reads the table, and only as the system (after the statistics' scope check).
CREATE OR REPLACE FUNCTION assistance_month_sums_add(p_path text, p_paid date, p_kind text, p_fund text, p_campaign integer,
  p_amount bigint, p_goods bigint, p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO assistance_month_sums AS s (ancestor_id, month, grp, kind, fund_source, campaign_id, n, amount_fen, goods_fen)
  SELECT a.id, date_trunc('month', p_paid)::date, a.grp, p_kind, p_fund, coalesce(p_campaign, 0), p_sign, p_sign * p_amount, p_sign * p_goods
  FROM (SELECT seg::int AS id, coalesce(lead(seg::int) OVER (ORDER BY ord), 0) AS grp
        FROM unnest(string_to_array(rtrim(p_path, '.'), '.')) WITH ORDINALITY AS t(seg, ord)) a
  ON CONFLICT (ancestor_id, month, grp, kind, fund_source, campaign_id) DO UPDATE
    SET n = s.n + EXCLUDED.n, amount_fen = s.amount_fen + EXCLUDED.amount_fen, goods_fen = s.goods_fen + EXCLUDED.goods_fen
$$;
--> statement-breakpoint
ALTER FUNCTION assistance_month_sums_add(text, date, text, text, integer, bigint, bigint, integer) SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assistance_month_sums_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'paid' THEN
    PERFORM assistance_month_sums_add(OLD.org_path, OLD.paid_at, OLD.kind, OLD.fund_source, OLD.campaign_id, OLD.amount_fen, OLD.goods_fen, -1);
  END IF;
  IF NEW.status = 'paid' THEN
    PERFORM assistance_month_sums_add(NEW.org_path, NEW.paid_at, NEW.kind, NEW.fund_source, NEW.campaign_id, NEW.amount_fen, NEW.goods_fen, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
ALTER FUNCTION assistance_month_sums_trg() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
DROP TRIGGER IF EXISTS assistance_month_sums_ins ON assistance_entries;
--> statement-breakpoint
CREATE TRIGGER assistance_month_sums_ins AFTER INSERT ON assistance_entries FOR EACH ROW WHEN (NEW.status = 'paid')
  EXECUTE FUNCTION assistance_month_sums_trg();
--> statement-breakpoint
DROP TRIGGER IF EXISTS assistance_month_sums_upd ON assistance_entries;
--> statement-breakpoint
CREATE TRIGGER assistance_month_sums_upd AFTER UPDATE ON assistance_entries FOR EACH ROW
  WHEN ((OLD.status = 'paid' OR NEW.status = 'paid') AND
    (OLD.status, OLD.org_path, OLD.paid_at, OLD.kind, OLD.fund_source, OLD.campaign_id, OLD.amount_fen, OLD.goods_fen)
    IS DISTINCT FROM (NEW.status, NEW.org_path, NEW.paid_at, NEW.kind, NEW.fund_source, NEW.campaign_id, NEW.amount_fen, NEW.goods_fen))
  EXECUTE FUNCTION assistance_month_sums_trg();
--> statement-breakpoint
-- Recomputes the whole table from the entries: this migration's backfill, and bulk loads that write entries with the
-- triggers off (the bench's generator).
CREATE OR REPLACE FUNCTION assistance_month_sums_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM assistance_month_sums;
  INSERT INTO assistance_month_sums (ancestor_id, month, grp, kind, fund_source, campaign_id, n, amount_fen, goods_fen)
  SELECT a.id, date_trunc('month', e.paid_at)::date, a.grp, e.kind, e.fund_source, coalesce(e.campaign_id, 0), count(*), sum(e.amount_fen), sum(e.goods_fen)
  FROM assistance_entries e
  CROSS JOIN LATERAL (SELECT seg::int AS id, coalesce(lead(seg::int) OVER (ORDER BY ord), 0) AS grp
        FROM unnest(string_to_array(rtrim(e.org_path, '.'), '.')) WITH ORDINALITY AS t(seg, ord)) a
  WHERE e.status = 'paid'
  GROUP BY 1, 2, 3, 4, 5, 6;
$$;
--> statement-breakpoint
ALTER FUNCTION assistance_month_sums_rebuild() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
SELECT assistance_month_sums_rebuild();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON assistance_month_sums FROM gonghui_app;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION assistance_month_sums_rebuild() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION assistance_month_sums_add(text, date, text, text, integer, bigint, bigint, integer) FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE assistance_month_sums ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS assistance_month_sums_read ON assistance_month_sums;
--> statement-breakpoint
CREATE POLICY assistance_month_sums_read ON assistance_month_sums FOR SELECT USING ((SELECT app_scope_system()));
