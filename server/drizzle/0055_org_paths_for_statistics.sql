-- Assistance entries and hardship files carry their union's path (kept in step on moves like cases.org_path), so
-- the 帮扶 indicators, the campaign detail, the ledger list and the entries' scope policy read ranges of paths from
-- the index alone instead of joining orgs or the subtree's cases (docs/benchmarks.md, "帮扶 at city scale").
ALTER TABLE "assistance_entries" ADD COLUMN "org_path" varchar(400);--> statement-breakpoint
UPDATE "assistance_entries" e SET "org_path" = o."path" FROM "orgs" o WHERE o."id" = e."org_id";--> statement-breakpoint
ALTER TABLE "assistance_entries" ALTER COLUMN "org_path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD COLUMN "org_path" varchar(400);--> statement-breakpoint
UPDATE "hardship_files" f SET "org_path" = c."org_path" FROM "cases" c WHERE c."id" = f."case_id";--> statement-breakpoint
ALTER TABLE "hardship_files" ALTER COLUMN "org_path" SET NOT NULL;--> statement-breakpoint
DROP INDEX "assistance_entries_paid_idx";--> statement-breakpoint
DROP INDEX "assistance_entries_org_paid_idx";--> statement-breakpoint
DROP INDEX "assistance_entries_campaign_status_idx";--> statement-breakpoint
CREATE INDEX "assistance_entries_org_path_idx" ON "assistance_entries" USING btree ("org_path" text_pattern_ops,"date","id");--> statement-breakpoint
CREATE INDEX "assistance_entries_paid_path_idx" ON "assistance_entries" USING btree ("paid_at","org_path" text_pattern_ops,"kind","fund_source","campaign_id","amount_fen","goods_fen","id_hash") WHERE "assistance_entries"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "assistance_entries_campaign_path_idx" ON "assistance_entries" USING btree ("campaign_id","org_path" text_pattern_ops,"status","fund_source","amount_fen","goods_fen");--> statement-breakpoint
CREATE INDEX "hardship_files_org_path_idx" ON "hardship_files" USING btree ("org_path" text_pattern_ops,"registered_at","exited_at","reviewed_at","tier","causes","case_id");--> statement-breakpoint
-- The entries' scope policy reads the entry's own path: no orgs probe per row.
DROP POLICY IF EXISTS assistance_entries_scope ON assistance_entries;--> statement-breakpoint
CREATE POLICY assistance_entries_scope ON assistance_entries USING ((SELECT app_scope_system()) OR (
  org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi())));
