CREATE TABLE IF NOT EXISTS "data_keys" (
	"version" integer PRIMARY KEY NOT NULL,
	"wrapped" text NOT NULL,
	"provider" varchar(32) NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN IF NOT EXISTS "birth_year" smallint;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "data_keys_one_active_uq" ON "data_keys" USING btree ("active") WHERE "data_keys"."active";--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT IF EXISTS "members_id_masked_form";--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_id_masked_form" CHECK ("members"."id_masked" ~ '^.{3}[*]{11}.{4}$');