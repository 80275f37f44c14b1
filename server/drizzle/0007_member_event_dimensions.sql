CREATE TABLE "member_counts" (
	"org_id" integer NOT NULL,
	"gender" varchar(8) NOT NULL,
	"categories" text[] NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_counts_org_id_gender_categories_pk" PRIMARY KEY("org_id","gender","categories")
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "gender" varchar(8);--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "categories" text[];--> statement-breakpoint
CREATE INDEX "member_events_date_idx" ON "member_events" USING btree ("date");