CREATE TABLE "beneficiary_import_rows" (
	"job_id" integer NOT NULL,
	"row" integer NOT NULL,
	"issues" jsonb NOT NULL,
	"raw_cipher" text NOT NULL,
	CONSTRAINT "beneficiary_import_rows_job_id_row_pk" PRIMARY KEY("job_id","row")
);
--> statement-breakpoint
CREATE TABLE "beneficiary_imports" (
	"job_id" integer PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"dry_run" boolean NOT NULL,
	"checked" boolean DEFAULT false NOT NULL,
	"header" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beneficiary_import_rows" ADD CONSTRAINT "beneficiary_import_rows_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_imports" ADD CONSTRAINT "beneficiary_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_imports" ADD CONSTRAINT "beneficiary_imports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_imports" ADD CONSTRAINT "beneficiary_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;