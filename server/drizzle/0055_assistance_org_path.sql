-- Assistance entries carry their org's path (kept in step on moves like cases.org_path), so the 帮扶 indicators,
-- the campaign detail, the ledger list and the scope policy read one range of paths instead of joining orgs.
ALTER TABLE "assistance_entries" ADD COLUMN "org_path" varchar(400);--> statement-breakpoint
UPDATE "assistance_entries" e SET "org_path" = o."path" FROM "orgs" o WHERE o."id" = e."org_id";--> statement-breakpoint
ALTER TABLE "assistance_entries" ALTER COLUMN "org_path" SET NOT NULL;--> statement-breakpoint
DROP INDEX "assistance_entries_org_paid_idx";--> statement-breakpoint
DROP INDEX "assistance_entries_campaign_status_idx";--> statement-breakpoint
CREATE INDEX "assistance_entries_org_path_idx" ON "assistance_entries" USING btree ("org_path" text_pattern_ops,"date","id");--> statement-breakpoint
CREATE INDEX "assistance_entries_path_paid_idx" ON "assistance_entries" USING btree ("org_path" text_pattern_ops,"paid_at","kind","fund_source","campaign_id","amount_fen","goods_fen","id_hash") WHERE "assistance_entries"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "assistance_entries_campaign_path_idx" ON "assistance_entries" USING btree ("campaign_id","org_path" text_pattern_ops,"status","fund_source","amount_fen","goods_fen");--> statement-breakpoint
-- The scope policy reads the entry's own path: no orgs probe per row (decision 0009's misestimate is gone too).
DROP POLICY IF EXISTS assistance_entries_scope ON assistance_entries;--> statement-breakpoint
CREATE POLICY assistance_entries_scope ON assistance_entries USING ((SELECT app_scope_system()) OR (
  org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())));
