CREATE TABLE "appeals" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"channel" varchar(16) NOT NULL,
	"category" varchar(16) NOT NULL,
	"content_cipher" text NOT NULL,
	"contact_name_cipher" text,
	"contact_name_masked" varchar(50),
	"phone_cipher" text,
	"phone_masked" varchar(11),
	"received_at" date NOT NULL,
	"first_due_at" date NOT NULL,
	"reply" varchar(500),
	"replied_at" timestamp with time zone,
	"satisfaction" varchar(16),
	"closed_at" date,
	"on_time" boolean,
	"escalations" smallint DEFAULT 0 NOT NULL,
	"lapsed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeals_channel_ck" CHECK ("appeals"."channel" IN ('visit', 'letter', 'phone', 'hotline', 'online', 'referral')),
	CONSTRAINT "appeals_category_ck" CHECK ("appeals"."category" IN ('wages', 'contract', 'insurance', 'safety', 'welfare', 'other')),
	CONSTRAINT "appeals_satisfaction_ck" CHECK ("appeals"."satisfaction" IS NULL OR "appeals"."satisfaction" IN ('satisfied', 'basic', 'unsatisfied'))
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_received_idx" ON "appeals" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "appeals_closed_idx" ON "appeals" USING btree ("closed_at");