CREATE TABLE "member_flow_months" (
	"ancestor_id" integer NOT NULL,
	"month" date NOT NULL,
	"type" varchar(16) NOT NULL,
	"gender" varchar(8) NOT NULL,
	"categories" text[] NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_flow_months_ancestor_id_month_type_gender_categories_pk" PRIMARY KEY("ancestor_id","month","type","gender","categories")
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "gender" varchar(8);--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "categories" text[];--> statement-breakpoint
CREATE INDEX "member_events_date_idx" ON "member_events" USING btree ("date");