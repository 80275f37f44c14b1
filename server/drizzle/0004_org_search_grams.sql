ALTER TABLE "orgs" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "orgs_search_grams_idx" ON "orgs" USING gin ("search_grams");--> statement-breakpoint
-- Backfill: 1- and 2-character pieces of the name, the pinyin initials and the full pinyin (as nameSearchFields does).
UPDATE "orgs" SET "search_grams" = ARRAY(
  SELECT DISTINCT substr(v.s, i, n)
  FROM (VALUES (regexp_replace(lower(normalize("orgs"."name", NFKC)), '\s+', '', 'g')), ("orgs"."pinyin_initials"), ("orgs"."pinyin")) AS v(s),
       generate_series(1, length(v.s)) AS i, (VALUES (1), (2)) AS k(n)
  WHERE i + n - 1 <= length(v.s)
);
